"""Maps the source folders named in the developers' brief onto importable package names.

The brief asks for top-level folders ui/, plugins/ and resources/; installed under those bare names
they would collide with other projects, so they install as egovops_ui, egovops_plugins and
egovops_resources. pyproject.toml holds everything else.
"""
from setuptools import find_namespace_packages, setup

ROOTS = {
    "egovops": "egovops",
    "egovops_ui": "ui",
    "egovops_plugins": "plugins",
    "egovops_resources": "resources",
}


def packages() -> list[str]:
    found = []
    for name, folder in ROOTS.items():
        found.append(name)
        found += [f"{name}.{sub}" for sub in find_namespace_packages(folder, exclude=["*__pycache__*"])]
    return found


setup(packages=packages(), package_dir=ROOTS)
