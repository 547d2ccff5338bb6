"""Dash component ids, named once so layout, callbacks and tests agree."""

URL = "url"
TABS = "tabs"
TAB_FIGURES = "tab-figures"
TAB_DOCUMENTS = "tab-documents"
VERSION = "store-version"  # bumped when documents are added or deleted: views re-read the store

# The figures view.
COUNTRIES = "filter-countries"
METRIC = "filter-metric"
KIND = "filter-kind"
UNIT = "filter-unit"
PERIOD = "filter-period"
RESET = "filter-reset"
SUMMARY = "summary"
EMPTY = "empty-message"
MONEY_CHART = "money-chart"
MONEY_BOX = "money-box"
RATIO_CHART = "ratio-chart"
RATIO_BOX = "ratio-box"
CONFLICTS = "conflicts"
CONFLICTS_BOX = "conflicts-box"
GRID = "figures-grid"
GRID_NOTE = "figures-grid-note"
SOURCE = "source-panel"
DOWNLOAD_BUTTON = "download-button"
DOWNLOAD = "download"

# The documents view.
UPLOAD = "upload"
UPLOAD_DATE = "upload-date"
UPLOAD_RESULTS = "upload-results"
DOCUMENTS_GRID = "documents-grid"
DOCUMENTS_NOTE = "documents-note"
READER = "document-reader"
READER_FIGURE = "document-figure"
DELETE_BUTTON = "delete-button"
DELETE_CONFIRM = "delete-confirm"
DELETE_RESULT = "delete-result"
OPEN_DOCUMENT = "open-document"  # the doc_id being read
DOC_FIGURE = "doc-figure"  # pattern-matching type of each highlighted figure in the reader
