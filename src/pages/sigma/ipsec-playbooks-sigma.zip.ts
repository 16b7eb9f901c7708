/** /sigma/ipsec-playbooks-sigma.zip: all rules in one archive, byte-identical to the single files. */
import type { APIRoute } from 'astro';
import { sigmaZip } from '../../lib/sigma/index.ts';
import { siteSigma } from '../../lib/sigma/site.ts';

export const GET: APIRoute = () => new Response(Buffer.from(sigmaZip(siteSigma().files)), { headers: { 'Content-Type': 'application/zip' } });
