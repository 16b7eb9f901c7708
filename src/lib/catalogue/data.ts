/** The generated catalogue, typed (JSON imports infer narrow shapes from today's data). */
import json from '../../generated/catalogue.json';
import type { Catalogue } from './types.ts';

export const catalogue = json as unknown as Catalogue;
