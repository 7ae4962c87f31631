import { settingsRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { getSettingsDto, updateSettings } from '~/services/settings.server';

const resource = apiResource({
  GET: endpoint(settingsRoutes.get, ({ caller }) => getSettingsDto(caller)),
  PATCH: endpoint(settingsRoutes.update, ({ caller, body }) => updateSettings({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
