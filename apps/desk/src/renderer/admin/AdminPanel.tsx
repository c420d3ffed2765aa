/**
 * The administrator's configuration: one section at a time (services, desks, organisations,
 * categories, staff, opening hours, boards, kiosks, queue rules, bookings, ticket template,
 * export and import, a backup now). Every save replaces the whole document through the checked, versioned path and is
 * live at once; a refusal lists every problem in the screen's language.
 */
import type { QueueConnection, SyncState } from '@queue/client';
import {
  APPEAL_DAY_KINDS,
  type BookingPolicy,
  type Centre,
  appealPolicyOf,
  bookingPolicyOf,
} from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useMemo, useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { useCommands } from '../common/use-commands';
import { EntityEditor, EntryForm } from './EntityEditor';
import type { Draft, Field, Option } from './fields';
import { problemText } from './problem-text';
import { type ListSection, listSpecs, withEntry, withoutEntry } from './sections';
import { StaffEditor } from './StaffEditor';
import { TransferSection } from './TransferSection';
import { BackupSection } from './BackupSection';
import { HubSection } from './HubSection';
import { PartnerKeysSection } from './PartnerKeysSection';
import { PrinterTestButton } from './PrinterTestButton';
import { UnservedWarning } from './UnservedWarning';
import { useCentreDocument } from './use-centre-document';

interface Props {
  readonly sync: SyncState;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
}

const SECTIONS = [
  'services',
  'desks',
  'organisations',
  'categories',
  'staff',
  'site',
  'boards',
  'kiosks',
  'policy',
  'booking',
  'appeals',
  'template',
  'transfer',
  'backup',
  'hub',
  'partners',
] as const;
type Section = (typeof SECTIONS)[number];

const LISTS: readonly Section[] = ['services', 'desks', 'organisations', 'categories', 'boards', 'kiosks'];
const isList = (section: Section): section is ListSection & Section => LISTS.includes(section);

const SITE_FIELDS: readonly Field[] = [
  { key: 'name', label: 'admin.field.name', kind: 'localized', wide: true },
  { key: 'timeZone', label: 'admin.field.timeZone', kind: 'text' },
  { key: 'hours', label: 'admin.field.hours', kind: 'week' },
  { key: 'specialDays', label: 'admin.field.specialDays', kind: 'special-days' },
];

const POLICY_FIELDS: readonly Field[] = [
  { key: 'maxPriorityStreak', label: 'admin.field.maxPriorityStreak', kind: 'number' },
  { key: 'noShowAfterMinutes', label: 'admin.field.noShowAfterMinutes', kind: 'number' },
  { key: 'noShowAfterCalls', label: 'admin.field.noShowAfterCalls', kind: 'number' },
  { key: 'appointmentLeadMinutes', label: 'admin.field.appointmentLeadMinutes', kind: 'number' },
  { key: 'maxPostponeMinutes', label: 'admin.field.maxPostponeMinutes', kind: 'number' },
];

/** Pre-booked visits; a centre without the section takes none (`DEFAULT_BOOKING_POLICY`). */
const bookingFields = (services: readonly Option[]): readonly Field[] => [
  { key: 'enabled', label: 'admin.field.bookingEnabled', kind: 'boolean' },
  { key: 'services', label: 'admin.field.bookingServices', kind: 'multi', options: services, wide: true },
  { key: 'slotMinutes', label: 'admin.field.slotMinutes', kind: 'number', optional: true },
  { key: 'walkInShare', label: 'admin.field.walkInShare', kind: 'number' },
  { key: 'horizonDays', label: 'admin.field.horizonDays', kind: 'number' },
  { key: 'minLeadMinutes', label: 'admin.field.minLeadMinutes', kind: 'number' },
  { key: 'graceMinutes', label: 'admin.field.graceMinutes', kind: 'number' },
  { key: 'earlyCheckInMinutes', label: 'admin.field.earlyCheckInMinutes', kind: 'number' },
  { key: 'perPersonPerDay', label: 'admin.field.perPersonPerDay', kind: 'number' },
  { key: 'perServicePerDay', label: 'admin.field.perServicePerDay', kind: 'number', optional: true },
  { key: 'publicPerAddressPerDay', label: 'admin.field.publicPerAddressPerDay', kind: 'number' },
  { key: 'publicNetworkShare', label: 'admin.field.publicNetworkShare', kind: 'number' },
  { key: 'publicShare', label: 'admin.field.publicShare', kind: 'number' },
  { key: 'burstThreshold', label: 'admin.field.burstThreshold', kind: 'number' },
];

/** The section as saved: no services chosen means every service, as the policy reads it. */
const bookingOf = (draft: Draft): NonNullable<Centre['booking']> => {
  const { services, ...rest } = draft as unknown as BookingPolicy;
  return services && services.length > 0 ? { ...rest, services } : rest;
};

/** The appeals journal's terms; a centre without the section works by `DEFAULT_APPEAL_POLICY`. */
const appealFields = (t: ReturnType<typeof useT>): readonly Field[] => [
  { key: 'classifyDays', label: 'admin.field.classifyDays', kind: 'number' },
  { key: 'answerDays', label: 'admin.field.answerDays', kind: 'number' },
  { key: 'extensionDays', label: 'admin.field.extensionDays', kind: 'number' },
  { key: 'totalDays', label: 'admin.field.totalDays', kind: 'number' },
  {
    key: 'dayKind',
    label: 'admin.field.dayKind',
    kind: 'select',
    options: APPEAL_DAY_KINDS.map((value) => ({ value, label: t(`admin.dayKind.${value}`) })),
  },
  { key: 'personalDataYears', label: 'admin.field.personalDataYears', kind: 'number' },
];

const TEMPLATE_FIELDS: readonly Field[] = [
  { key: 'ticketTemplate', label: 'admin.field.template', kind: 'template' },
];

export const AdminPanel = ({ sync, connection, online }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const commands = useCommands(connection, online);
  const editing = useCentreDocument(connection, online, sync.centre, commands);
  const [section, setSection] = useState<Section>('services');
  /** Once this screen has saved, the configuration in force is checked for services no desk serves. */
  const [savedHere, setSavedHere] = useState(false);
  const centre = editing.document?.centre;
  const specs = useMemo(() => (centre ? listSpecs(centre, localize) : undefined), [centre, localize]);
  if (!editing.document || !centre || !specs) return <p className="desk__loading">{t('desk.loading')}</p>;
  const busy = commands.pending !== undefined;

  const saveAndCheck = async (next: unknown) => {
    const answer = await editing.save(next);
    if (answer) setSavedHere(true);
    return answer;
  };
  const saveDocument = async (next: Centre): Promise<boolean> => (await saveAndCheck(next)) !== undefined;

  /** A section edited as one form over one part of the document (keyed, so it resets per section). */
  const wholeForm = (fields: readonly Field[], initial: object, apply: (draft: Draft) => Centre) => (
    <EntryForm
      key={section}
      fields={fields}
      initial={initial as Draft}
      saved
      busy={busy}
      onSave={(draft) => saveDocument(apply(draft))}
    />
  );

  const body = (): React.ReactNode => {
    if (isList(section)) {
      const spec = specs[section];
      return (
        <EntityEditor
          key={section}
          items={(centre[section] as unknown as Draft[]).map((item) => spec.toDraft?.(item) ?? item)}
          idOf={(item) => String(item[spec.idKey] ?? '')}
          titleOf={spec.title}
          fields={spec.fields}
          blank={spec.blank}
          busy={busy}
          onSave={(item, originalId) =>
            saveDocument(withEntry(centre, section, spec.idKey, spec.fromDraft?.(item) ?? item, originalId))
          }
          onDelete={(id) => saveDocument(withoutEntry(centre, section, spec.idKey, id))}
          {...(section === 'kiosks'
            ? {
                extra: (kiosk: Draft) => (
                  <PrinterTestButton kiosk={kiosk} connection={connection} online={online} />
                ),
              }
            : {})}
        />
      );
    }
    switch (section) {
      case 'staff':
        return <StaffEditor centre={centre} connection={connection} online={online} commands={commands} />;
      case 'site':
        return wholeForm(SITE_FIELDS, centre.site, (site) => ({
          ...centre,
          site: site as unknown as Centre['site'],
        }));
      case 'policy':
        return wholeForm(POLICY_FIELDS, centre.policy, (policy) => ({
          ...centre,
          policy: policy as unknown as Centre['policy'],
        }));
      case 'booking':
        return wholeForm(
          bookingFields(
            centre.services.map((service) => ({ value: service.code, label: localize(service.name) })),
          ),
          bookingPolicyOf(centre),
          (draft) => ({ ...centre, booking: bookingOf(draft) }),
        );
      case 'appeals':
        return wholeForm(appealFields(t), appealPolicyOf(centre.appeals), (draft) => ({
          ...centre,
          appeals: draft as unknown as NonNullable<Centre['appeals']>,
        }));
      case 'template':
        return wholeForm(
          TEMPLATE_FIELDS,
          centre.ticketTemplate === undefined ? {} : { ticketTemplate: centre.ticketTemplate },
          (draft) => {
            const { ticketTemplate: _old, ...rest } = centre;
            return draft.ticketTemplate === undefined
              ? rest
              : { ...rest, ticketTemplate: draft.ticketTemplate };
          },
        );
      case 'transfer':
        return (
          <TransferSection
            document={editing.document!}
            busy={busy}
            onImport={async (next) => (await saveAndCheck(next))?.version}
          />
        );
      case 'backup':
        return <BackupSection connection={connection} online={online} timeZone={centre.site.timeZone} />;
      case 'hub':
        return <HubSection connection={connection} online={online} timeZone={centre.site.timeZone} />;
      case 'partners':
        return <PartnerKeysSection connection={connection} online={online} timeZone={centre.site.timeZone} />;
      default:
        return null;
    }
  };

  return (
    <div className="admin" data-testid="admin">
      <nav className="admin__nav" aria-label={t('desk.tabs.admin')}>
        {SECTIONS.map((name) => (
          <button
            key={name}
            type="button"
            data-section={name}
            aria-current={section === name}
            onClick={() => {
              editing.clearProblems();
              commands.clearRefusal();
              setSection(name);
            }}
          >
            {t(`admin.section.${name}`)}
          </button>
        ))}
        <span className="admin__version" data-testid="config-version">
          {t('admin.version', { version: editing.document.version })}
        </span>
      </nav>
      <div className="admin__body">
        {section !== 'staff' && <RefusalLine code={commands.refusal} />}
        {editing.problems.length > 0 && (
          <div role="alert" data-testid="config-problems">
            <p className="form__error">{t('admin.problems')}</p>
            <ul className="problems">
              {editing.problems.map((problem, index) => (
                <li key={index}>{problemText(problem, t, editing.refused as Centre | undefined)}</li>
              ))}
            </ul>
          </div>
        )}
        {savedHere && (
          <UnservedWarning centre={centre} busy={busy} onGive={(next) => void saveDocument(next)} />
        )}
        {body()}
      </div>
    </div>
  );
};
