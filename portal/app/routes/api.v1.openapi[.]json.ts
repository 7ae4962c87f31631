import { buildOpenApiDocument } from '~/lib/openapi.server';

export async function loader() {
  return Response.json(buildOpenApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
