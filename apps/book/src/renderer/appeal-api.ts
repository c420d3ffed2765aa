/** The appeals page's calls to `/api/appeal/*`; every answer is an `Ack`, refusals included. */
import type { AppealOptions, FiledAppealWithQr, PublicAppealBody, PublicAppealView } from '@queue/protocol';
import { call } from './api';

export const loadAppealOptions = (language: string) =>
  call<AppealOptions>('GET', `/api/appeal/options?lang=${encodeURIComponent(language)}`);

export const fileAppeal = (body: PublicAppealBody) => call<FiledAppealWithQr>('POST', '/api/appeal', body);

export const trackAppeal = (code: string) =>
  call<PublicAppealView>('GET', `/api/appeal/${encodeURIComponent(code)}`);
