import { type ArmTemplate, ownResources } from './arm.js';
import { criticalPath, minutesOf } from './critical-path.js';

/**
 * The figures `validate` reports beside conformance: how close the compiled template is to Azure Resource
 * Manager's limits, and how long its deployment must take at least (the critical path) compared with its
 * slowest single resource.
 */

/** Azure Resource Manager's template limits ("Template limits", ARM documentation: Best practices for templates). */
export const TEMPLATE_LIMITS = {
  bytes: 4 * 1024 * 1024,
  parameters: 256,
  variables: 256,
  resources: 800,
  outputs: 64,
} as const;

/** The size budget of DESIGN.md: a quarter of the platform's limit. */
export const SIZE_BUDGET_BYTES = 1024 * 1024;
/** DESIGN.md: the critical path stays within this factor of the slowest single resource. */
export const CRITICAL_PATH_BUDGET = 1.1;

export interface CountFigure {
  readonly count: number;
  readonly limit: number;
  /** The template with the most: `main` or the module deployment's name. */
  readonly template: string;
}

export interface TemplateFigures {
  readonly bytes: number;
  readonly limitBytes: number;
  readonly budgetBytes: number;
  readonly parameters: CountFigure;
  readonly variables: CountFigure;
  readonly resources: CountFigure;
  readonly outputs: CountFigure;
  readonly criticalPath: {
    readonly minutes: number;
    readonly slowest: { readonly name: string; readonly minutes: number };
    readonly ratio: number;
    readonly budget: number;
    readonly chain: readonly { readonly step: string; readonly minutes: number }[];
    /** Resources on the critical path that start late, and what they wait for. */
    readonly waits: readonly string[];
  };
}

type Countable = 'parameters' | 'variables' | 'resources' | 'outputs';

/** Every template: main, then each nested deployment's, with its deployment's name. */
function templates(template: ArmTemplate, name = 'main'): { name: string; template: ArmTemplate }[] {
  return [
    { name, template },
    ...ownResources(template).flatMap((resource) => (resource.properties?.template ? templates(resource.properties.template, resource.name) : [])),
  ];
}

/** Each limit applies to each template on its own: report the template closest to it. */
function largest(all: readonly { name: string; template: ArmTemplate }[], key: Countable): CountFigure {
  const size = (template: ArmTemplate) => {
    const value = (template as Record<string, unknown>)[key];
    return Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : 0;
  };
  return all.reduce<CountFigure>(
    (most, { name, template }) => (size(template) > most.count ? { count: size(template), limit: TEMPLATE_LIMITS[key], template: name } : most),
    { count: 0, limit: TEMPLATE_LIMITS[key], template: 'main' },
  );
}

/** Steps that take this long or more are worth naming as the reason a later resource waits. */
const NOTABLE_MINUTES = 2;

export function templateFigures(text: string, template: ArmTemplate): TemplateFigures {
  const all = templates(template);
  const path = criticalPath(template);
  // A step of the chain is `module > … > type`.
  const chain = path.chain.map((step) => ({ step, minutes: minutesOf(typeOf(step)) }));
  return {
    bytes: Buffer.byteLength(text),
    limitBytes: TEMPLATE_LIMITS.bytes,
    budgetBytes: SIZE_BUDGET_BYTES,
    parameters: largest(all, 'parameters'),
    variables: largest(all, 'variables'),
    resources: largest(all, 'resources'),
    outputs: largest(all, 'outputs'),
    criticalPath: {
      minutes: path.minutes,
      slowest: path.slowest,
      ratio: path.slowest.minutes > 0 ? path.minutes / path.slowest.minutes : 1,
      budget: CRITICAL_PATH_BUDGET,
      chain,
      waits: waitsOn(chain),
    },
  };
}

/**
 * Why a slow resource must wait for another slow one, by their types (`waiting <- blocker`). A wait on the
 * critical path that is not listed here is reported as not known to be needed: a dependency to look at.
 */
const NEEDED_WAITS: Readonly<Record<string, string>> = {
  'microsoft.apimanagement/service <- microsoft.network/azurefirewalls':
    'API Management activates only once it reaches Storage, SQL, Key Vault and Azure Monitor, and its route table sends that traffic through the firewall (NET-07)',
  'microsoft.apimanagement/service <- microsoft.network/virtualnetworkgateways':
    "API Management needs the peerings to the hub (its DNS and egress); a peering cannot be created while the hub's VPN gateway is being provisioned",
  'microsoft.compute/virtualmachines <- microsoft.network/azurefirewalls':
    "the jumpbox's Entra ID sign-in extension installs over the egress the firewall provides",
  'microsoft.network/applicationgateways <- microsoft.apimanagement/service':
    "the gateway's backend is API Management's private address, known only once it exists",
  'microsoft.cdn/profiles/afdendpoints/routes <- microsoft.network/applicationgateways': "Front Door's origin is the Application Gateway's Private Link",
  'microsoft.network/privateendpoints <- microsoft.machinelearningservices/workspaces': 'a private endpoint connects to its workspace, which must exist',
  'microsoft.cognitiveservices/accounts/capabilityhosts <- microsoft.documentdb/databaseaccounts':
    "the capability host connects to the agents' Cosmos DB account",
  'microsoft.cognitiveservices/accounts/capabilityhosts <- microsoft.search/searchservices': "the capability host connects to the agents' AI Search service",
};

const typeOf = (step: string) => step.split(' > ').at(-1)!.toLowerCase();

/**
 * The slow resources on the critical path that start only after another slow one (the nearest before them on
 * the chain), with the reason the wait is needed where there is one; a wait without a reason could be a
 * dependency that is not needed, and removing it would shorten the deployment by the wait.
 */
function waitsOn(chain: readonly { step: string; minutes: number }[]): string[] {
  const waits: string[] = [];
  let elapsed = 0;
  let blocker: { step: string; minutes: number } | undefined;
  for (const entry of chain) {
    if (entry.minutes >= NOTABLE_MINUTES) {
      if (blocker) {
        const reason = NEEDED_WAITS[`${typeOf(entry.step)} <- ${typeOf(blocker.step)}`];
        waits.push(
          `${entry.step} (${entry.minutes} min) starts after ${round(elapsed)} min, waiting for ${blocker.step} (${blocker.minutes} min): ${reason ? `needed, as ${reason}` : 'no known reason; check the dependsOn that orders them'}`,
        );
      }
      blocker = entry;
    }
    elapsed += entry.minutes;
  }
  return waits;
}

const round = (minutes: number) => Math.round(minutes * 10) / 10;
