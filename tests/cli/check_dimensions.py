"""Reads pneumoplan HDF5 files as xarray and netCDF tools do and checks that they describe themselves
(docs/output-format.md, "Reading with other tools"):

* every group and dataset has a plain identifier for a name;
* every dataset has the attributes `units` (empty only for labels, codes and texts) and `description`;
* every dimension of every dataset has an HDF5 dimension scale (H5DS) attached, whose name is the dimension's
  (for results files: the name in the dataset's `axes` attribute), whose length is the dimension's, and which
  lies in the dataset's own group or in the root group (where netCDF-4 looks for it);
* each scale is a dimension scale (h5py.h5ds.is_scale) named after itself;
* with xarray and h5netcdf installed, xarray names the dimensions the same way (skipped otherwise).

Usage: check_dimensions.py FILE.h5 [CITY_CODE]   (CITY_CODE: the expected last entry of a results file's region
axis). Exit 0 when every check holds; an AssertionError naming the object otherwise.
"""
import re
import sys

import h5py
import numpy as np

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
path = sys.argv[1]
city_code = int(sys.argv[2]) if len(sys.argv) > 2 else None


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def scale_name(scale):
    return scale.name.split("/")[-1]


checked = {"datasets": 0, "dimensions": 0}


def check(name, obj):
    basename = name.split("/")[-1]
    assert IDENTIFIER.match(basename), f"/{name}: not a plain identifier"
    if not isinstance(obj, h5py.Dataset):
        return
    checked["datasets"] += 1
    assert "units" in obj.attrs, f"/{name}: no units attribute"
    assert "description" in obj.attrs and text(obj.attrs["description"]).strip(), f"/{name}: no description"
    numeric = obj.dtype.kind in "fiu"
    is_scale = h5py.h5ds.is_scale(obj.id)
    if is_scale:
        assert obj.ndim == 1, f"/{name}: a dimension scale must be 1-D"
        assert h5py.h5ds.get_scale_name(obj.id).decode() == basename, f"/{name}: scale named otherwise"
        return
    if numeric and obj.dtype.kind == "f":
        assert text(obj.attrs["units"]), f"/{name}: a quantity without units"
    axes = text(obj.attrs["axes"]).split(",") if "axes" in obj.attrs else None
    if axes is None and isinstance(obj.parent, h5py.Group) and "axes" in obj.parent.attrs:
        axes = text(obj.parent.attrs["axes"]).split(",")  # /summary/<output>/{mean,...}
    if axes is not None:
        assert len(axes) == obj.ndim, f"/{name}: axes {axes} for {obj.ndim} dimensions"
    group = obj.parent.name
    for i in range(obj.ndim):
        dimension = obj.dims[i]
        assert len(dimension) >= 1, f"/{name}: dimension {i} has no scale (an anonymous dimension)"
        scale = dimension[0]
        assert h5py.h5ds.is_scale(scale.id), f"/{name}: dimension {i}: {scale.name} is not a scale"
        assert scale.shape[0] == obj.shape[i], f"/{name}: dimension {i} has {obj.shape[i]}, its scale {scale.shape[0]}"
        scale_group = scale.parent.name
        assert scale_group in ("/", group), f"/{name}: scale {scale.name} is neither in / nor in {group}"
        if axes is not None:
            assert scale_name(scale) == axes[i], f"/{name}: dimension {i} is {scale_name(scale)}, axes say {axes[i]}"
        checked["dimensions"] += 1


with h5py.File(path, "r") as f:
    f.visititems(check)
    fmt = text(f.attrs["format"])
    if fmt == "pneumoplan-results":
        assert int(f.attrs["format_version"]) == 4
        for axis in ("replicate", "year", "region", "stage", "township", "industry", "intervention", "years_since_diagnosis"):
            assert h5py.h5ds.is_scale(f[axis].id), axis
        assert (f["region"][:] == f["axes/region_code"][:]).all()
        assert (f["year"][:] == f["axes/year"][:]).all()
        if city_code is not None:
            assert int(f["region"][-1]) == city_code == int(f.attrs["city_code"]), (f["region"][-1], city_code)
        for coordinate, unit in (("township_lon", "degrees_east"), ("township_lat", "degrees_north")):
            d = f["axes/" + coordinate]
            assert text(d.attrs["units"]) == unit and text(d.attrs["crs"]) == "GCJ-02", coordinate
        inputs = f["scenario/inputs"]
        assert "scenario_ini" in inputs and text(inputs["scenario_ini"].attrs["file_name"]) == "scenario.ini"
        mean = f["summary/new_diagnoses/mean"]
        assert [scale_name(d[0]) for d in mean.dims] == ["year", "region", "stage"]
        assert text(mean.attrs["units"]) == "persons"
    elif fmt == "pneumoplan-comparison":
        assert [scale_name(d[0]) for d in f["per_replicate"].dims] == ["package", "outcome", "replicate"]
    elif fmt == "pneumoplan-sweep":
        name = text(f["output_names"][0])
        assert [scale_name(d[0]) for d in f["outputs/" + name].dims] == ["point", "replicate", "year"]

# What an xarray user sees, where xarray and h5netcdf are installed (python3-xarray is optional).
try:
    import xarray
    import h5netcdf  # noqa: F401
except ImportError:
    print(f"{path}: {checked['datasets']} datasets, {checked['dimensions']} named dimensions "
          "(xarray not installed: its view not checked)")
else:
    with h5py.File(path, "r") as f:
        groups = ["summary/new_diagnoses"] if "summary" in f else []
    for group in groups:
        ds = xarray.open_dataset(path, engine="h5netcdf", group=group, phony_dims="access")
        assert tuple(ds["mean"].dims) == ("year", "region", "stage"), ds["mean"].dims
        assert ds["mean"].attrs["units"] == "persons"
        ds.close()
    print(f"{path}: {checked['datasets']} datasets, {checked['dimensions']} named dimensions; xarray agrees")
