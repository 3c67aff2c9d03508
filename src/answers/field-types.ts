import * as z from 'zod/mini';
import { closest } from '../did-you-mean.js';
import { isPrivate, parseCidr } from '../network/cidr.js';
import { AZURE_LOCATIONS } from './locations.js';

/** The zod building blocks several answers share. */

export const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

/** An IPv4 range from the private (RFC 1918) blocks; sizes are checked against the plan later. */
export const privateCidr = () =>
  z.string().check(
    z.superRefine((value: string, context) => {
      const range = parseCidr(value);
      if ('error' in range) context.addIssue({ code: 'custom', message: range.error });
      else if (!isPrivate(range))
        context.addIssue({ code: 'custom', message: 'is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16' });
    }),
  );

/** A single private IPv4 address, e.g. a firewall's or a DNS server's. */
export const privateIp = () =>
  z.string().check(
    z.superRefine((value: string, context) => {
      const address = parseCidr(`${value}/32`);
      if ('error' in address) context.addIssue({ code: 'custom', message: 'is not an IPv4 address such as 10.0.0.4' });
      else if (!isPrivate(address))
        context.addIssue({ code: 'custom', message: 'is not a private address; use one inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16' });
    }),
  );

/** An Azure resource ID of one type; names follow Azure's rules loosely, the platform checks the rest. */
export const resourceIdOf = (provider: string, example: string) =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(
          `^/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/resourceGroups/[-\\w.()]{1,90}/providers/${provider.replace('.', '\\.')}/[-\\w.]{1,80}$`,
          'i',
        ),
        `must be the resource ID of a ${provider.split('/').pop()} resource, e.g. ${example}`,
      ),
    );

/**
 * One of a fixed set of names, matched without regard to case, spaces and hyphens, so that
 * `Sweden Central`, `SwedenCentral` and ` swedencentral ` all mean `swedencentral`; a near miss is
 * refused with the name meant. The canonical spelling is what the answers hold.
 */
/** How names are compared: `Sweden Central`, `SwedenCentral` and `swedencentral` are one name. */
export const nameKey = (text: string) => text.toLowerCase().replace(/[\s-]/g, '');

/**
 * `offered` are the names suggested and listed when the value is none of `names` (e.g. only the models
 * deployable today, while a repository's older model is still accepted).
 */
export const oneOfNames = (names: readonly string[], what: string, otherwise = '', offered: readonly string[] = names) => {
  const byKey = new Map(names.map((name) => [nameKey(name), name]));
  return z
    .pipe(
      z.string(),
      z.transform((value: string) => byKey.get(nameKey(value)) ?? value.trim()),
    )
    .check(
      z.superRefine((value: string, context) => {
        if (names.includes(value)) return;
        const meant = closest(value, offered);
        context.addIssue({ code: 'custom', message: `is not ${what}; ${meant ? `did you mean ${meant}?` : `valid: ${offered.join(', ')}`}${otherwise}` });
      }),
    );
};

/** An Azure region, by its name (`swedencentral`) or its display name (`Sweden Central`). */
export const azureRegion = () => oneOfNames(AZURE_LOCATIONS, 'an Azure region this generator knows');
