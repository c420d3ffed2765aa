/** Staff accounts: login, name, roles, organisations, desk, active; and a password reset. */
import type { QueueConnection } from '@queue/client';
import type { Centre } from '@queue/core';
import { STAFF_ROLE_NAMES, type StaffAccount } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { useCallback, useEffect, useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import type { Commands } from '../common/use-commands';
import { EntityEditor } from './EntityEditor';
import type { Draft, Field } from './fields';

interface Props {
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly commands: Commands;
}

const PasswordReset = ({ id, commands }: { readonly id: string; readonly commands: Commands }) => {
  const t = useT();
  const [secret, setSecret] = useState('');
  const [done, setDone] = useState(false);
  const reset = async (): Promise<void> => {
    setDone(false);
    const answer = await commands.send('staff:reset-password', { id, secret });
    if (answer?.ok) {
      setSecret('');
      setDone(true);
    }
  };
  return (
    <div className="form__field form__field--wide" data-testid="password-reset">
      <span>{t('admin.staff.reset')}</span>
      <div className="form__chips">
        <input
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
        />
        <button
          type="button"
          className="button button--small"
          disabled={secret.length < 4 || !commands.ready}
          onClick={() => void reset()}
        >
          {t('admin.staff.reset')}
        </button>
      </div>
      {done && <p className="notice">{t('admin.staff.resetDone')}</p>}
    </div>
  );
};

export const StaffEditor = ({ centre, connection, online, commands }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const [accounts, setAccounts] = useState<readonly StaffAccount[]>([]);

  const reload = useCallback(async (): Promise<void> => {
    if (!connection || !online) return;
    const answer = await connection.request('staff:list', {});
    if (answer.ok) setAccounts(answer.data);
  }, [connection, online]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const fields: Field[] = [
    { key: 'login', label: 'admin.field.login', kind: 'text' },
    { key: 'name', label: 'admin.field.name', kind: 'text' },
    {
      key: 'roles',
      label: 'admin.field.roles',
      kind: 'multi',
      options: STAFF_ROLE_NAMES.map((role) => ({ value: role, label: t(`admin.role.${role}`) })),
    },
    {
      key: 'organisationIds',
      label: 'admin.field.organisationIds',
      kind: 'multi',
      options: centre.organisations.map((entry) => ({ value: entry.id, label: localize(entry.name) })),
    },
    {
      key: 'deskId',
      label: 'admin.field.deskId',
      kind: 'select',
      optional: true,
      options: centre.desks.map((desk) => ({ value: desk.id, label: localize(desk.name) })),
    },
    { key: 'active', label: 'admin.field.active', kind: 'boolean' },
    { key: 'secret', label: 'admin.field.secret', kind: 'password' },
  ];

  const save = async (draft: Draft, originalId: string | undefined): Promise<boolean> => {
    const answer = await commands.send('staff:save', {
      ...(originalId ? { id: originalId } : {}),
      login: String(draft.login ?? ''),
      name: String(draft.name ?? ''),
      roles: [...((draft.roles as StaffAccount['roles'] | undefined) ?? [])],
      organisationIds: (draft.organisationIds as string[] | undefined) ?? [],
      ...(typeof draft.deskId === 'string' ? { deskId: draft.deskId } : {}),
      active: draft.active === true,
      ...(typeof draft.secret === 'string' ? { secret: draft.secret } : {}),
    });
    if (!answer?.ok) return false;
    await reload();
    return true;
  };

  return (
    <>
      <p className="dialog__hint">{t('admin.staff.secretHint')}</p>
      <RefusalLine code={commands.refusal} />
      <EntityEditor
        items={accounts as unknown as Draft[]}
        idOf={(item) => String(item.id ?? item.login ?? '')}
        titleOf={(item) => `${String(item.name ?? '')} (${String(item.login ?? '')})`}
        fields={fields}
        blank={() => ({ login: '', name: '', roles: ['operator'], organisationIds: [], active: true })}
        busy={commands.pending !== undefined}
        onSave={save}
        extra={(item) => <PasswordReset id={String(item.id)} commands={commands} />}
      />
    </>
  );
};
