/** The language switch of @queue/ui, sized for fingers (48 px targets) on the city pages. */
import { LanguageSwitch } from '@queue/ui';

export const LanguageLinks = () => <LanguageSwitch className="city-languages" />;
