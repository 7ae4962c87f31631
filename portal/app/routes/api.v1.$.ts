import { ApiError, toErrorResponse } from '~/lib/errors.server';

// Any /api/v1 path that no route serves: the error envelope, not the HTML 404 page.
const notFound = () => toErrorResponse(new ApiError('not_found', 'There is no such API route; see /api/v1/openapi.json'));

export const loader = notFound;
export const action = notFound;
