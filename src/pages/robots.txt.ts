import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapUrl } from '@/lib/urls';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapUrl())}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
