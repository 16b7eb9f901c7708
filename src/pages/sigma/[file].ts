/** /sigma/<rule>.yml: every generated Sigma rule as its own file (the same bytes as npm run export:sigma). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sigmaSummary } from '../../lib/sigma/index.ts';
import { siteSigma } from '../../lib/sigma/site.ts';

export const getStaticPaths = (() => {
  const { set, files } = siteSigma();
  console.log(sigmaSummary(set));
  return files.map((f) => ({ params: { file: f.name }, props: { text: f.text } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
