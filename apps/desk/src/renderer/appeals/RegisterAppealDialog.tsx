/**
 * Register a written appeal: how it came (in person, by phone, by e-mail), what it is about
 * (an organisation, a service if known), its summary and text, the applicant's name and
 * contacts, a class if it is plain already, and a kiosk to print the receipt on. From a
 * visit the topic and the ticket come filled in. Once registered the receipt is shown:
 * the number, the tracking code and link, the answer's term, and whether it printed.
 */
import type { QueueConnection } from '@queue/client';
import { APPEAL_CLASSES, type AppealClass, type Centre } from '@queue/core';
import { type AppealRegisterPayload, type RegisteredAppeal, STAFF_APPEAL_CHANNELS } from '@queue/protocol';
import { useLanguage, useT } from '@queue/ui';
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { ChoiceGroup } from './ChoiceGroup';
import { TopicFields } from './TopicFields';
import { useCommands } from '../common/use-commands';
import { AppealRefusal } from './AppealRefusal';
import { formatDay } from './journal';

export interface AppealPrefill {
  readonly organisationId: string;
  readonly serviceCode?: string;
  readonly ticketId?: string;
  readonly ticketNumber?: string;
}

interface Props {
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly prefill?: AppealPrefill;
  readonly onClose: () => void;
}

type Channel = (typeof STAFF_APPEAL_CHANNELS)[number];

const optional = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

export const RegisterAppealDialog = ({ centre, connection, online, prefill, onClose }: Props) => {
  const t = useT();
  const language = useLanguage();
  const commands = useCommands(connection, online);
  const printers = centre.kiosks.filter((kiosk) => kiosk.printer !== undefined);
  const [channel, setChannel] = useState<Channel>('in-person');
  const [organisationId, setOrganisationId] = useState(
    prefill?.organisationId ?? centre.organisations[0]?.id ?? '',
  );
  const [serviceCode, setServiceCode] = useState(prefill?.serviceCode ?? '');
  const [summary, setSummary] = useState('');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [appealClass, setAppealClass] = useState<AppealClass | ''>('');
  const [kioskId, setKioskId] = useState(printers[0]?.deviceId ?? '');
  const [done, setDone] = useState<RegisteredAppeal>();

  const complete =
    organisationId !== '' && summary.trim() !== '' && text.trim() !== '' && name.trim().length >= 2;

  const register = async (): Promise<void> => {
    const applicant = {
      name: name.trim(),
      ...(optional(address) ? { address: address.trim() } : {}),
      ...(optional(phone) ? { phone: phone.trim() } : {}),
      ...(optional(email) ? { email: email.trim() } : {}),
    };
    const payload: Omit<AppealRegisterPayload, 'requestId'> = {
      channel,
      topic: { organisationId, ...(serviceCode ? { serviceCode } : {}) },
      summary: summary.trim(),
      text: text.trim(),
      applicant,
      ...(prefill?.ticketId ? { ticketId: prefill.ticketId } : {}),
      ...(appealClass ? { appealClass } : {}),
      ...(kioskId ? { receiptKioskId: kioskId } : {}),
    };
    const answer = await commands.send('appeal:register', payload as AppealRegisterPayload);
    if (answer?.ok) setDone(answer.data);
  };

  if (done) {
    const { appeal, trackingUrl, trackingQrSvg, receipt } = done;
    return (
      <Dialog
        title={t('appeals.receipt.title')}
        confirmLabel={t('appeals.receipt.done')}
        canConfirm
        onConfirm={onClose}
        onClose={onClose}
        testId="appeal-receipt"
        informative
      >
        <dl className="appeal-facts appeal-receipt">
          <div>
            <dt>{t('appeals.receipt.number')}</dt>
            <dd className="appeal-receipt__big" data-testid="receipt-number">
              {appeal.number}
            </dd>
          </div>
          <div>
            <dt>{t('appeals.receipt.code')}</dt>
            <dd className="appeal-receipt__big" data-testid="receipt-code">
              {appeal.trackingCode}
            </dd>
          </div>
          <div>
            <dt>{t('appeals.receipt.due')}</dt>
            <dd data-testid="receipt-due">{formatDay(appeal.answerDueDay, language)}</dd>
          </div>
          {trackingUrl && (
            <div>
              <dt>{t('appeals.receipt.link')}</dt>
              <dd className="appeal-receipt__link" data-testid="receipt-link">
                {trackingUrl}
              </dd>
            </div>
          )}
        </dl>
        {trackingQrSvg && (
          <img
            className="appeal-receipt__qr"
            data-testid="receipt-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(trackingQrSvg)}`}
            alt={t('appeals.receipt.qr')}
          />
        )}
        <p
          className="dialog__hint"
          role="status"
          data-testid="receipt-printed"
          data-printed={receipt?.printed ?? 'none'}
        >
          {receipt === undefined
            ? t('appeals.receipt.noPrint')
            : receipt.printed
              ? t('appeals.receipt.printed')
              : t('appeals.receipt.notPrinted', { reason: receipt.error })}
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('appeals.register.title')}
      confirmLabel={t('appeals.register.submit')}
      canConfirm={complete && commands.ready}
      busy={commands.pending !== undefined}
      onConfirm={() => void register()}
      onClose={onClose}
      testId="appeal-register"
      wide
      footer={<AppealRefusal code={commands.refusal} />}
    >
      {prefill?.ticketNumber && (
        <p className="dialog__hint">{t('appeals.register.fromVisit', { number: prefill.ticketNumber })}</p>
      )}
      <div className="dialog__columns">
        <div className="dialog__column">
          <ChoiceGroup
            name="channel"
            legend={t('appeals.register.channel')}
            options={STAFF_APPEAL_CHANNELS}
            value={channel}
            onChange={setChannel}
            label={(entry) => t(`appeals.channel.${entry}`)}
            className="appeal-channels"
          />
          <TopicFields
            centre={centre}
            organisationId={organisationId}
            serviceCode={serviceCode}
            onOrganisation={setOrganisationId}
            onService={setServiceCode}
          />
          <label className="field">
            <span className="field__label">{t('appeals.register.summary')}</span>
            <input
              name="summary"
              maxLength={200}
              required
              data-autofocus
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('appeals.register.text')}</span>
            <textarea
              name="text"
              rows={4}
              maxLength={5000}
              required
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
        </div>
        <div className="dialog__column">
          <label className="field">
            <span className="field__label">{t('appeals.register.name')}</span>
            <input
              name="name"
              autoComplete="off"
              maxLength={150}
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('appeals.register.address')}</span>
            <input
              name="address"
              maxLength={300}
              value={address}
              onChange={(event) => setAddress(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('appeals.register.phone')}</span>
            <input
              name="phone"
              type="tel"
              maxLength={20}
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('appeals.register.email')}</span>
            <input
              name="email"
              type="email"
              maxLength={200}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('appeals.register.class')}</span>
            <select
              name="class"
              value={appealClass}
              onChange={(event) => setAppealClass(event.target.value as AppealClass | '')}
            >
              <option value="">{t('appeals.class.none')}</option>
              {APPEAL_CLASSES.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`appeals.class.${entry}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('appeals.register.kiosk')}</span>
            <select name="kiosk" value={kioskId} onChange={(event) => setKioskId(event.target.value)}>
              <option value="">
                {printers.length === 0 ? t('appeals.print.noKiosk') : t('appeals.register.kiosk.none')}
              </option>
              {printers.map((kiosk) => (
                <option key={kiosk.deviceId} value={kiosk.deviceId}>
                  {kiosk.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
    </Dialog>
  );
};
