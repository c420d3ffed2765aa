/**
 * The route of a "one window" visit: services in the order the visitor goes through them.
 * Empty means the service chosen above only.
 */
import type { Centre, ServiceCode } from '@queue/core';
import { findService } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';

interface Props {
  readonly centre: Centre;
  readonly route: readonly ServiceCode[];
  readonly onChange: (route: readonly ServiceCode[]) => void;
  readonly onAdd: () => void;
  readonly canAdd: boolean;
}

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

export const RouteEditor = ({ centre, route, onChange, onAdd, canAdd }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const name = (code: ServiceCode): string => {
    const service = findService(centre, code);
    return service ? localize(service.name) : code;
  };
  return (
    <div className="route-editor" data-testid="route">
      <div className="route-editor__top">
        <span className="field__label">{t('reception.route.heading')}</span>
        <button
          type="button"
          className="button button--small"
          data-action="add-step"
          disabled={!canAdd}
          onClick={onAdd}
        >
          {t('reception.route.add')}
        </button>
      </div>
      {route.length === 0 ? (
        <p className="route-editor__empty">{t('reception.route.empty')}</p>
      ) : (
        <ol className="route-editor__list">
          {route.map((code, index) => (
            <li key={`${code}-${index}`} className="route-editor__step" data-service={code}>
              <span className="route-editor__name">{name(code)}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('reception.route.up', { name: name(code) })}
                disabled={index === 0}
                onClick={() => onChange(move(route, index, index - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('reception.route.down', { name: name(code) })}
                disabled={index === route.length - 1}
                onClick={() => onChange(move(route, index, index + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('reception.route.remove', { name: name(code) })}
                onClick={() => onChange(route.filter((_, other) => other !== index))}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
};
