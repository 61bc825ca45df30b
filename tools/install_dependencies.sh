#!/usr/bin/env bash
# Installs the Debian 12 packages pneumoplan needs, skipping those already present. Run as root (or
# with sudo). Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake git pkg-config
  libtbb-dev libhdf5-dev hdf5-tools librandom123-dev libboost-program-options-dev
  libgtest-dev libbenchmark-dev
  coinor-libcbc-dev
  python3 python3-h5py python3-numpy
  clang-14 libclang-rt-14-dev llvm-14
)

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
