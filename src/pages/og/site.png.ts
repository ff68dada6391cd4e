/** /og/site.png: the card pages without their own image share. */
import { siteOgImage } from '@/lib/og-cards';
import { pngResponse } from '@/lib/og-response';

export async function GET(): Promise<Response> {
  return pngResponse(await siteOgImage());
}
