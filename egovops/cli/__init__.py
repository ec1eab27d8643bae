"""The ``egovops`` command line (click). Each area of the product registers its own command group."""
