"""Device configurations: secret masking, versions in the store, unified diffs."""

from egovops.configs.masking import mask_secrets, normalise_config, prepare_for_store
from egovops.configs.store import ConfigStore, SavedConfig, unified_diff

__all__ = ["ConfigStore", "SavedConfig", "mask_secrets", "normalise_config", "prepare_for_store", "unified_diff"]
