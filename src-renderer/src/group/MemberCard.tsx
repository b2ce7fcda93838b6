import { useState } from 'react';
import { useT } from '../i18n';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { PhotoCapture } from '../photo/PhotoCapture';
import { rememberedCamera } from '../settings/camera-choice';
import { useSettingsStore } from '../settings/store';
import { photoSrc } from '../photo/PhotoResult';
import { DOCUMENT_TYPES } from '../register/draft';
import { isSettled, useGroupStore, type Member } from './store';

/** One visitor of the group: details and photo (the camera is on for one member at a time). */
export function MemberCard({ member, index }: { member: Member; index: number }) {
  const t = useT();
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const [camera] = useState(rememberedCamera);
  const edit = useGroupStore((s) => s.editMember);
  const remove = useGroupStore((s) => s.removeMember);
  const photoFor = useGroupStore((s) => s.photoFor);
  const setPhotoFor = useGroupStore((s) => s.setPhotoFor);
  const locked = isSettled(member);
  const id = (field: string) => `group-${member.key}-${field}`;
  const err = (field: keyof Member['errors']) => member.errors[field];
  return (
    <fieldset className="card group-member" disabled={locked} data-testid="group-member">
      <legend>{t('group.member', { n: index + 1 })}</legend>
      <div className="group-member-body">
        <div className="form-grid">
          <TextField id={id('name')} label={t('field.name')} value={member.name} onChange={(name) => edit(member.key, { name })} error={err('name')} />
          <TextField
            id={id('phone')}
            label={t('field.phone')}
            value={member.phone}
            onChange={(phone) => edit(member.key, { phone })}
            inputMode="tel"
            error={err('phone')}
          />
          <SelectField
            id={id('doctype')}
            label={t('field.documentType')}
            value={member.documentType}
            options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`doc.${d}`) }))}
            onChange={(documentType) => edit(member.key, { documentType })}
          />
          <TextField
            id={id('document')}
            label={t('field.documentNo')}
            value={member.documentNo}
            onChange={(documentNo) => edit(member.key, { documentNo })}
            error={err('documentNo')}
          />
        </div>
        <div className="group-photo">
          {photoFor === member.key && !locked ? (
            <PhotoCapture id={id('photo')} photo={member.photo} onPhoto={(photo) => edit(member.key, { photo })} maxKB={maxKB} deviceId={camera} />
          ) : member.photo ? (
            <button type="button" className="group-photo-thumb" onClick={() => setPhotoFor(member.key)} aria-label={t('group.retakeFor', { n: index + 1 })}>
              <img src={photoSrc(member.photo)} alt="" width={60} height={80} />
            </button>
          ) : (
            <button id={id('photo')} type="button" className="button" onClick={() => setPhotoFor(member.key)}>
              {t('group.takePhoto', { n: index + 1 })}
            </button>
          )}
          {err('photo') && <p className="field-error">{t(err('photo')!.key)}</p>}
        </div>
      </div>
      {!locked && index > 0 && (
        <button type="button" className="button button-quiet" onClick={() => remove(member.key)}>
          {t('group.remove')}
        </button>
      )}
    </fieldset>
  );
}
