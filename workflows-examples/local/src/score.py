"""Scoring script of the example diabetes model (Azure Machine Learning init()/run() contract).

The model predicts a quantitative measure of diabetes progression one year after baseline
from ten standardised measurements (age, sex, body mass index, blood pressure and six blood
serum values), as in the classic diabetes data set. It is a linear model kept in
`model.json`, so the example needs nothing beyond the Python standard library:

    {
      "features": ["age", "sex", "bmi", "bp", "s1", ..., "s6"],
      "coefficients": [10 numbers],
      "intercept": 152.1,
      "log_features": [3],         # optional: indexes transformed with math.log first
      "cap": 250                   # optional: predictions above it are cut to it
    }

Request:  {"data": [[f1, ..., f10], ...]}     one row per patient
Answer:   {"predictions": [p1, ...]}           rounded to 3 decimals
"""
import json
import math
import os

N_FEATURES = 10

_model = {}


def init():
    """Loads the model once; AZUREML_MODEL_DIR is the folder with the version's files."""
    global _model
    path = os.path.join(os.environ["AZUREML_MODEL_DIR"], "model.json")
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    if len(model["coefficients"]) != N_FEATURES:
        raise ValueError(f"{path}: expected {N_FEATURES} coefficients, got {len(model['coefficients'])}")
    model.setdefault("log_features", [])
    _model = model


def _predict(row):
    if len(row) != N_FEATURES:
        raise ValueError(f"each row needs {N_FEATURES} features, got {len(row)}")
    values = [float(v) for v in row]
    for i in _model["log_features"]:
        # math.log raises ValueError ("math domain error") for values <= 0: standardised
        # features are centred on 0, so a log-feature model fails on part of real traffic
        values[i] = math.log(values[i])
    prediction = _model["intercept"] + sum(c * v for c, v in zip(_model["coefficients"], values))
    # a post-processing cap: a wrong one answers 200 with wrong numbers for the patients above it
    return min(prediction, _model["cap"]) if "cap" in _model else prediction


def run(raw_data):
    """Scores a batch; an exception here becomes an HTTP 500 with its message."""
    rows = json.loads(raw_data)["data"]
    return {"predictions": [round(_predict(row), 3) for row in rows]}
