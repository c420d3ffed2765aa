/**
 * A configuration problem as a line for the administrator: where (the document path, with
 * the entity's id when the path names one) and what, in the screen's language.
 */
import type { Centre, CentreProblem } from '@queue/core';
import type { MessageKey, MessageParams } from '@queue/ui';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const SECTIONS = ['organisations', 'categories', 'services', 'desks', 'boards', 'kiosks'] as const;
const ID_FIELDS: Record<(typeof SECTIONS)[number], string> = {
  organisations: 'id',
  categories: 'id',
  services: 'code',
  desks: 'id',
  boards: 'id',
  kiosks: 'deviceId',
};

/** `services.3.prefix` becomes `services › bill-pay › prefix` when the entity is known. */
/** `centre` is the document the problems were found in (an import may be any JSON at all). */
export const problemPlace = (path: string, centre: Centre | undefined): string => {
  const [section, index, ...rest] = path.split('.');
  const known = SECTIONS.find((name) => name === section);
  if (!known || index === undefined || !/^\d+$/.test(index) || !centre) return path.split('.').join(' › ');
  const list: unknown = (centre as unknown as Record<string, unknown>)[known];
  const entity: unknown = Array.isArray(list) ? list[Number(index)] : undefined;
  const id =
    entity && typeof entity === 'object' ? (entity as Record<string, unknown>)[ID_FIELDS[known]] : undefined;
  return [known, typeof id === 'string' ? id : index, ...rest].join(' › ');
};

const KINDS = ['category', 'organisation', 'service', 'desk', 'printerProfile'] as const;

export const problemText = (problem: CentreProblem, t: Translate, centre?: Centre): string => {
  const params: Record<string, string | number> = { ...problem.params };
  const kind = KINDS.find((entry) => entry === params.kind);
  if (kind) params.kind = t(`admin.kind.${kind}`);
  return `${problemPlace(problem.path, centre)}: ${t(`admin.problem.${problem.key}`, params)}`;
};
