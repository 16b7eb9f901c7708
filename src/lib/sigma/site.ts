/** The rule set as the site build sees it: the generated catalogue and SITE_URL / BASE_PATH from the environment. */
import { catalogue } from '../catalogue/data.ts';
import { sigmaBundle, sigmaOptionsFromEnv, type SigmaBundle } from './index.ts';

export function siteSigma(): SigmaBundle {
  return sigmaBundle(catalogue, sigmaOptionsFromEnv(process.env));
}
