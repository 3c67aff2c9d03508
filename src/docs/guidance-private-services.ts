import type { ViewModel } from '../model.js';
import { lockedDownOf } from '../catalogue/index.js';
import { type GuidanceEvidence, inMain } from './guidance-evidence.js';
import { FILES } from './module-files.js';

/** The private services, shared by NET-01, SEC-06 and FDY-05: main.bicep's module and the resource that is locked down. */
export interface PrivateService {
  readonly module: string;
  readonly file: string;
  readonly resource: string;
}

export function privateServicesOf(model: ViewModel): PrivateService[] {
  return lockedDownOf(model).flatMap(({ module, file, resources }) => resources.map((resource) => ({ module, file: FILES[file], resource })));
}

/** main.bicep's modules once each, then the locked-down resources in their module files. */
export function servicesEvidence(services: readonly PrivateService[]): GuidanceEvidence[] {
  const modules = [...new Set(services.map((service) => service.module))];
  return [...inMain(...modules), ...services.map(({ file, resource }) => ({ file, resource }))];
}
