#!/usr/bin/env bash
# slurm-run.sh CLUSTER_DIR SCRIPT: starts a one-node cluster, runs the sbatch
# array SCRIPT to its end, and stops the cluster whatever happens.
set -euo pipefail
here=$(dirname "$0")
bash "$here/slurm-cluster.sh" start "$1"
trap 'bash "$here/slurm-cluster.sh" stop "$1"' EXIT
export SLURM_CONF=$1/slurm.conf
timeout 600 sbatch --wait "$2"
