import { useT } from '../i18n';
import { useRegistrationStore } from '../stores/registration';
import { TextField } from '../components/TextField';
import { SelectField } from '../components/SelectField';
import { DOCUMENT_TYPES, fieldId, validateField, type DraftField } from './draft';
import { StepFrame } from './StepFrame';

export function StepVisitor() {
  const t = useT();
  const draft = useRegistrationStore((s) => s.draft);
  const errors = useRegistrationStore((s) => s.fieldErrors);
  const update = useRegistrationStore((s) => s.update);
  const checkField = useRegistrationStore((s) => s.checkField);
  const blur = (field: DraftField) => () => {
    if (validateField(field, draft)) checkField(field);
  };
  const isId = draft.documentType === 'id-card';

  return (
    <StepFrame step="visitor">
      <div className="grid-2">
        <TextField id={fieldId('name')} label={t('field.name')} value={draft.name} onChange={(name) => update({ name })} error={errors.name} autoComplete="off" required maxLength={60} />
        <TextField
          id={fieldId('phone')}
          label={t('field.phone')}
          value={draft.phone}
          onChange={(phone) => update({ phone })}
          onBlur={draft.phone ? blur('phone') : undefined}
          error={errors.phone}
          hint={t('visitor.phoneHint')}
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          required
          maxLength={15}
        />
        <SelectField
          id={fieldId('documentType')}
          label={t('field.documentType')}
          value={draft.documentType}
          options={DOCUMENT_TYPES.map((value) => ({ value, label: t(`doc.${value}`) }))}
          onChange={(documentType) => update({ documentType })}
        />
        <TextField
          id={fieldId('documentNo')}
          label={t('field.documentNo')}
          value={draft.documentNo}
          onChange={(documentNo) => update({ documentNo })}
          onBlur={draft.documentNo ? blur('documentNo') : undefined}
          error={errors.documentNo}
          hint={isId ? t('visitor.idHint') : undefined}
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={isId ? 20 : 60}
        />
        <TextField id={fieldId('carno')} label={t('field.carno')} value={draft.carno} onChange={(carno) => update({ carno })} error={errors.carno} optional autoComplete="off" maxLength={60} />
        <TextField id={fieldId('reason')} label={t('field.reason')} value={draft.reason} onChange={(reason) => update({ reason })} error={errors.reason} optional autoComplete="off" maxLength={60} />
      </div>
    </StepFrame>
  );
}
