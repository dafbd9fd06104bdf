export { toNodeHandler } from './node-handler';
export { fromNodeRequest, sendNodeResponse } from './node-adapter';
