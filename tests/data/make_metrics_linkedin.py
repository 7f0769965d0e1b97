"""Writes metrics_linkedin.xlsx, a small LinkedIn page content export written by us.

Run from the repository root: ``python tests/data/make_metrics_linkedin.py``. The file is
committed; this script says how it was made and remakes it after a change. It follows the
shape of LinkedIn's export: a sheet "All posts" whose first row describes the sheet, the
header on the second row, dates as cells.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HEADER = [
    "Post title",
    "Post link",
    "Post type",
    "Campaign name",
    "Posted by",
    "Created date",
    "Campaign start date",
    "Campaign end date",
    "Audience",
    "Impressions",
    "Views (excluding off-site video views)",
    "Off-site views",
    "Clicks",
    "Click through rate (CTR)",
    "Likes",
    "Comments",
    "Reposts",
    "Follows",
    "Engagement rate",
    "Content Type",
]
ROWS = [
    [
        "Office breakfast boxes for your next team meeting",
        "https://www.linkedin.com/feed/update/urn:li:activity:7265000000000000001",
        "Organic",
        "",
        "Julien Roy",
        datetime(2026, 11, 9),
        "",
        "",
        "All followers",
        2480,
        "",
        "",
        61,
        0.0246,
        48,
        6,
        4,
        2,
        0.0492,
        "Image",
    ],
    [
        "We're hiring a night baker",
        "https://www.linkedin.com/feed/update/urn:li:activity:7265000000000000002",
        "Organic",
        "",
        "Julien Roy",
        "11/16/2026",
        "",
        "",
        "All followers",
        1310,
        "",
        "",
        22,
        0.0168,
        35,
        9,
        7,
        5,
        0.0595,
        "Text",
    ],
]


def main() -> None:
    workbook = Workbook()
    metrics = workbook.active
    metrics.title = "Metrics"
    metrics.append(["Aggregated metrics for the page"])
    sheet = workbook.create_sheet("All posts")
    sheet.append(["All posts: the posts published in the period, with their lifetime metrics."])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    target = Path(__file__).with_name("metrics_linkedin.xlsx")
    workbook.save(target)


if __name__ == "__main__":
    main()
