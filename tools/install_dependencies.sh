#!/usr/bin/env bash
# Installs the Debian 12 packages pneumoplan needs, skipping those already present (help2man makes the manual
# pages, dpkg-dev lets `cpack -G DEB` find the package's library dependencies). Run as root (or with sudo).
# Safe to run again. With --for-tests it also installs what only the test suite uses: a Slurm
# workload manager and munge, which the Slurm test starts on this machine (tests/cli/slurm.sh); Pillow, with
# which the figure tests look at the PNGs as images (tests/cli/check_figures.py); and pandoc, with which
# `pneumoplan report` also writes a Word copy (report.docx), tested where it is installed.
set -euo pipefail

packages=(
  build-essential cmake git pkg-config help2man gzip dpkg-dev
  libtbb-dev libhdf5-dev zlib1g-dev hdf5-tools librandom123-dev libboost-program-options-dev
  libgtest-dev libbenchmark-dev
  coinor-libcbc-dev
  gnuplot-nox libgnuplot-iostream-dev libboost-iostreams-dev libboost-filesystem-dev libboost-system-dev
  fonts-noto-cjk fontconfig
  openmpi-bin libopenmpi-dev
  python3 python3-h5py python3-numpy
  clang-14 libclang-rt-14-dev llvm-14
)
if [ "${1:-}" = "--for-tests" ]; then
  packages+=(slurm-wlm slurmctld slurmd slurm-client munge python3-pil pandoc)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install_dependencies: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "install_dependencies: missing ${missing[*]}; run this script as root" >&2
    exit 1
  fi
else
  SUDO=
fi

echo "install_dependencies: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
