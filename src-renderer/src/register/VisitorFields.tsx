import { useT } from '../i18n';
import { TextField } from '../components/TextField';
import { SelectField } from '../components/SelectField';
import { internationalAllowed } from '../../../src-preload/identity-rules';
import { DOCUMENT_TYPES, validateField, type DraftField, type DraftForm, type VisitorPatch } from './draft';
import './visitor-fields.css';

/** What the visitor's fields read and call: the reception wizard's store and the kiosk's both have it. */
export interface VisitorFieldsState extends DraftForm {
  update(patch: VisitorPatch): void;
  checkField(field: DraftField): void;
}

/** A store hook (selector in, value out) holding a draft: useRegistrationStore or useSelfServiceStore. */
export type VisitorFieldsStore = <T>(selector: (state: VisitorFieldsState) => T) => T;

interface Props {
  store: VisitorFieldsStore;
  /** The DOM id of a field's input (each flow has its own, for its labels and focus requests). */
  idOf: (field: DraftField) => string;
  /** The reception form's two columns, or the kiosk's large touch layout. */
  variant?: 'reception' | 'self-service';
}

/**
 * The visitor's own details (name, phone, document, car, reason): one set of fields for the
 * reception wizard and the self-service kiosk. A field is checked when left once it has a value.
 */
export function VisitorFields({ store, idOf, variant = 'reception' }: Props) {
  const t = useT();
  const draft = store((s) => s.draft);
  const errors = store((s) => s.fieldErrors);
  const update = store((s) => s.update);
  const checkField = store((s) => s.checkField);
  const blur = (field: DraftField) => () => {
    if (validateField(field, draft)) checkField(field);
  };
  const isId = draft.documentType === 'id-card';
  // Foreign documents open international numbers on their own; with a resident ID staff tick the switch.
  const international = internationalAllowed(draft.documentType, draft.internationalPhone);
  const type = draft.documentType;
  const documentHint = type === 'id-card' ? t('visitor.idHint') : type === 'other' ? undefined : t(`visitor.docHint.${type}`);

  return (
    <div className={variant === 'self-service' ? 'self-service-grid' : 'grid-2'}>
      <TextField
        id={idOf('name')}
        label={t('field.name')}
        value={draft.name}
        onChange={(name) => update({ name })}
        error={errors.name}
        autoComplete="off"
        required
        maxLength={60}
      />
      <TextField
        id={idOf('phone')}
        label={t('field.phone')}
        value={draft.phone}
        onChange={(phone) => update({ phone })}
        onBlur={draft.phone ? blur('phone') : undefined}
        error={errors.phone}
        hint={international ? t('visitor.phoneHintAny') : t('visitor.phoneHint')}
        type="tel"
        inputMode={international ? 'tel' : 'numeric'}
        autoComplete="off"
        required
        maxLength={24}
      />
      {isId && (
        <label className="international-switch" htmlFor={idOf('phone') + '-international'}>
          <input
            id={idOf('phone') + '-international'}
            type="checkbox"
            className="checkbox"
            checked={draft.internationalPhone}
            onChange={(e) => update({ internationalPhone: e.target.checked })}
          />
          {t('visitor.internationalPhone')}
        </label>
      )}
      <SelectField
        id={idOf('documentType')}
        label={t('field.documentType')}
        value={draft.documentType}
        options={DOCUMENT_TYPES.map((value) => ({ value, label: t(`doc.${value}`) }))}
        onChange={(documentType) => update({ documentType })}
      />
      <TextField
        id={idOf('documentNo')}
        label={t('field.documentNo')}
        value={draft.documentNo}
        onChange={(documentNo) => update({ documentNo })}
        onBlur={draft.documentNo ? blur('documentNo') : undefined}
        error={errors.documentNo}
        hint={documentHint}
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={isId ? 20 : 60}
      />
      <TextField
        id={idOf('carno')}
        label={t('field.carno')}
        value={draft.carno}
        onChange={(carno) => update({ carno })}
        error={errors.carno}
        optional
        autoComplete="off"
        maxLength={60}
      />
      <TextField
        id={idOf('reason')}
        label={t('field.reason')}
        value={draft.reason}
        onChange={(reason) => update({ reason })}
        error={errors.reason}
        optional
        autoComplete="off"
        maxLength={60}
      />
    </div>
  );
}
