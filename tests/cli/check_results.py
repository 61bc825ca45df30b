"""Reads a pneumoplan results file with h5py and checks its documented layout (docs/output-format.md)."""
import sys

import h5py
import numpy as np

path = sys.argv[1]
with h5py.File(path, "r") as f:
    assert f.attrs["format"] == "pneumoplan-results", f.attrs["format"]
    assert int(f.attrs["format_version"]) == 4
    replicates = int(f.attrs["replicates"])
    years = f["axes/year"][:]
    assert years[0] == f.attrs["first_year"] and years[-1] == f.attrs["last_year"]
    regions = f["axes/region_code"].shape[0]
    townships = f["axes/township_code"].shape[0]
    assert f["axes/region_name_zh"].asstr()[-1] == "全市"
    assert "[simulation]" in f["scenario/resolved_ini"].asstr()[()]
    for name, dataset in f["replicates"].items():
        axes = dataset.attrs["axes"].split(",")
        assert axes[0] == "replicate" and axes[1] == "year", (name, axes)
        assert dataset.shape[0] == replicates and dataset.shape[1] == len(years), (name, dataset.shape)
        if "region" in axes:
            assert dataset.shape[axes.index("region")] == regions
        if "township" in axes:
            assert dataset.shape[axes.index("township")] == townships
        summary = f["summary"][name]
        values = dataset[:].astype(float)
        # NaN marks "not applicable" in a replicate; summaries leave those replicates out.
        with np.errstate(invalid="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=RuntimeWarning)
                expected = np.nanmean(values, axis=0)
        assert np.allclose(summary["mean"][:], expected, rtol=1e-12, atol=1e-12, equal_nan=True), name
        p5, p95 = summary["p5"][:], summary["p95"][:]
        assert np.all((p5 <= p95 + 1e-12) | np.isnan(p5)), name
    employed = f["replicates/workers_employed"][:]
    assert (employed[:, :, -1] == employed[:, :, :-1].sum(axis=2)).all(), "city is the sum of counties"
print(f"h5py read {path}: layout ok")
