import { useT } from '../i18n';
import { TextField } from '../components/TextField';
import { DeviceChecklist } from '../devices/DeviceChecklist';
import { useDeviceList } from '../devices/store';
import { HostSearchBox } from '../register/HostCombobox';
import { createHostSearchStore } from '../register/hosts-store';
import { useSettingsStore } from '../settings/store';
import { GroupSummary } from './GroupSummary';
import { MemberCard } from './MemberCard';
import { isSettled, useGroupStore } from './store';
import './group.css';

const useGroupHostSearch = createHostSearchStore();

/** Several visitors for one host and window: shared host, window and doors; details and photo per person. */
export function GroupPage() {
  const t = useT();
  const s = useGroupStore();
  const defaults = useSettingsStore((st) => st.settings?.defaultDeviceNos ?? []);
  const defaultMinutes = useSettingsStore((st) => st.settings?.defaultVisitMinutes ?? 120);
  const { devices } = useDeviceList();
  const doors = s.deviceNos ?? defaults;
  const doorName = (no: string) => devices.find((d) => d.no === no)?.name ?? no;
  const left = s.members.filter((m) => !isSettled(m)).length;

  return (
    <div className="group-page">
      <h1>{t('group.title')}</h1>
      <section className="card group-shared" aria-labelledby="group-shared">
        <h2 id="group-shared">{t('group.shared')}</h2>
        <HostSearchBox
          search={useGroupHostSearch}
          host={s.host}
          onHostChange={(host) => s.setShared({ host })}
          hint={t('host.hint')}
          error={s.sharedError?.key === 'validation.hostRequired' ? s.sharedError : undefined}
        />
        <div className="form-grid">
          <TextField id="group-begin" type="datetime-local" label={t('field.begin')} value={s.begin} onChange={(begin) => s.setShared({ begin })} />
          <TextField
            id="group-end"
            type="datetime-local"
            label={t('field.end')}
            value={s.end}
            onChange={(end) => s.setShared({ end })}
            error={s.sharedError && s.sharedError.key !== 'validation.hostRequired' ? s.sharedError : undefined}
          />
        </div>
        <h3 id="group-doors-label">{t('field.devices')}</h3>
        <DeviceChecklist
          id="group-doors"
          labelledBy="group-doors-label"
          devices={devices}
          selected={doors}
          onChange={(deviceNos) => s.setShared({ deviceNos })}
        />
      </section>
      {s.members.map((m, i) => (
        <MemberCard key={m.key} member={m} index={i} />
      ))}
      <div className="button-row group-actions">
        <button type="button" className="button" onClick={s.addMember} disabled={s.running}>
          {t('group.add')}
        </button>
        <button type="button" className="button button-primary button-large" disabled={s.running || left === 0} onClick={() => void s.registerAll(defaults)}>
          {s.running ? t('common.working') : t('group.registerAll', { n: left })}
        </button>
        <button type="button" className="button button-quiet" disabled={s.running} onClick={() => s.reset(defaultMinutes)}>
          {t('group.new')}
        </button>
      </div>
      <GroupSummary members={s.members} doorName={doorName} />
    </div>
  );
}
