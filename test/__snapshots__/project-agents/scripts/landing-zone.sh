# Shared by the scripts in this folder (sourced, not run): the names this landing zone was generated with.
# shellcheck shell=bash disable=SC2034 # the values are read by the scripts that source this file

readonly WORKLOAD_NAME='contoso'
readonly LOCATION='swedencentral'
readonly ENVIRONMENTS=('dev' 'prod')

# Exits with a usage error unless $1 is one of the environments.
require_environment() {
  local candidate
  for candidate in "${ENVIRONMENTS[@]}"; do
    [[ "$candidate" == "${1:-}" ]] && return 0
  done
  echo "unknown environment '${1:-}'; valid: ${ENVIRONMENTS[*]}" >&2
  exit 2
}

# Every environment deploys under its own name, so one environment's history never overwrites another's.
deployment_name() {
  printf '%s-%s' "$WORKLOAD_NAME" "$1"
}

parameter_file() {
  printf 'infra/params/%s.bicepparam' "$1"
}
