#!/usr/bin/env bash
# Proves the private connectivity of one environment (NET-13): every name its private endpoints serve
# (the deployment output privateEndpointFqdns) must resolve to a private address and accept TCP on 443.
# Run it where the services are meant to be reached from: a VPN client or a machine in the network
# (the jumpbox has scripts/verify-private-endpoints.ps1). From the internet every row fails, as it should.
set -euo pipefail
invoked_from=$PWD
cd "$(dirname "$0")/.."
# shellcheck source=scripts/landing-zone.sh
source scripts/landing-zone.sh

usage() {
  cat <<'USAGE'
Usage: scripts/verify-private-endpoints.sh [--timeout SECONDS] <environment>
       scripts/verify-private-endpoints.sh [--timeout SECONDS] --fqdns-file FILE

Reads the names from the environment's deployment outputs (Azure CLI, signed in), or from FILE
(one name per line) where the Azure CLI is not at hand. Exits 0 when every name passes, 1 when
one fails, 2 on a usage error.
USAGE
}

timeout_seconds=5
fqdns_file=""
environment=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --timeout) timeout_seconds="${2:-}"; shift 2 ;;
    --fqdns-file) fqdns_file="${2:-}"; [[ "$fqdns_file" == /* ]] || fqdns_file="$invoked_from/$fqdns_file"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) environment="$1"; shift ;;
  esac
done
if ! [[ "$timeout_seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "--timeout must be a whole number of seconds, e.g. 5" >&2
  exit 2
fi

# The names, from a file or from the deployment (a plain deployment, or a deployment stack).
read_fqdns() {
  if [[ -n "$fqdns_file" ]]; then
    [[ -r "$fqdns_file" ]] || { echo "cannot read --fqdns-file $fqdns_file" >&2; exit 2; }
    grep -v '^[[:space:]]*$' "$fqdns_file" || true
    return
  fi
  require_environment "$environment"
  local name query='properties.outputs.privateEndpointFqdns.value[]'
  name=$(deployment_name "$environment")
  az deployment sub show --name "$name" --query "$query" --output tsv 2>/dev/null ||
    az stack sub show --name "$name" --query 'outputs.privateEndpointFqdns.value[]' --output tsv
}

# The first IPv4 address of a name, with whichever resolver this machine has.
resolve_ipv4() {
  if command -v getent >/dev/null; then
    getent ahostsv4 "$1" | awk 'NR == 1 { print $1 }'
  elif command -v dig >/dev/null; then
    dig +short "$1" A | grep -E '^[0-9.]+$' | tail -n 1
  else
    nslookup "$1" | awk '/^Address: / { address = $2 } END { print address }'
  fi
}

# RFC 1918: where private endpoints take their addresses from.
is_private() {
  local a b
  IFS=. read -r a b _ _ <<<"$1"
  [[ "$a" == 10 ]] || [[ "$a" == 172 && "$b" -ge 16 && "$b" -le 31 ]] || [[ "$a" == 192 && "$b" == 168 ]]
}

reaches_443() {
  if command -v nc >/dev/null; then
    nc -z -w "$timeout_seconds" "$1" 443 >/dev/null 2>&1
  else
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash, from its own argument
    timeout "$timeout_seconds" bash -c 'exec 3<>"/dev/tcp/$1/443"' _ "$1" >/dev/null 2>&1
  fi
}

fqdns=$(read_fqdns)
if [[ -z "$fqdns" ]]; then
  echo "no names to check: the deployment has no privateEndpointFqdns output, or it is empty" >&2
  exit 1
fi

row() {
  printf '%-70s %-15s %-8s %-7s %s\n' "$@"
}

failures=0
row NAME ADDRESS PRIVATE TCP-443 RESULT
while IFS= read -r fqdn; do
  # A wildcard (e.g. a workspace's inference names) is a pattern, not a name to resolve.
  if [[ "$fqdn" == \** ]]; then
    row "$fqdn" - - - skipped
    continue
  fi
  address=$(resolve_ipv4 "$fqdn" || true)
  private=no tcp=- result=FAIL
  if [[ -n "$address" ]] && is_private "$address"; then
    private=yes
    if reaches_443 "$address"; then tcp=open result=pass; else tcp=closed; fi
  fi
  [[ "$result" == pass ]] || failures=$((failures + 1))
  row "$fqdn" "${address:-unresolved}" "$private" "$tcp" "$result"
done <<<"$fqdns"

if [[ "$failures" -gt 0 ]]; then
  echo "$failures name(s) failed: check the private DNS zones and their VNet links, the DNS server or resolver in use, and the NSG of the private endpoint subnet." >&2
  exit 1
fi
echo "Every private endpoint resolves to a private address and answers on 443."
