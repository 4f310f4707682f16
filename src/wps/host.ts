/** The WPS host (src/hosts/wps) for the ribbon page and the pane, over this page's Application. */
import { WpsHost } from '../hosts/wps/WpsHost';
import type { WpsApplication as HostApplication } from '../hosts/wps/types';
import type { WpsApplication } from './application';

export function hostFor(app: WpsApplication): WpsHost {
  return new WpsHost(app as unknown as HostApplication);
}
