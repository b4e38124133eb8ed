"""The NSB tables of stay rates of foreign US doctorate recipients read by two builds.

SEI 2020 Table 3-22 and SEI 2024 Table LBR-4 give, for the same rows (all temporary visa
holders, China including Hong Kong, South Korea), both the 5-year and the 10-year stay rate;
phd_stay_rate_5yr and phd_stay_rate_10yr keep copies of both files (see their origin.yaml) and
read one column each. ``tables(span)`` describes the two tables for that column, to be read with
ncses_mirror.cells.
"""

from __future__ import annotations

from ncses_mirror import Column, Row, Table

TOTAL_NOTE = (
    "all temporary visa holders receiving S&E doctorates, every country of citizenship "
    "(not a world total)"
)
ROUNDED = "stay rates rounded to the nearest integer (table note)"


def rows(path: str, china: str, korea: str) -> tuple[Row, ...]:
    """The total, China and South Korea rows, labelled '<path>China (including Hong Kong)' etc."""
    return (
        Row("r001", "Total", "WLD", TOTAL_NOTE),
        Row(
            china,
            f"{path}China (including Hong Kong)",
            "CHN",
            "China including Hong Kong (row label)",
        ),
        Row(korea, f"{path}South Korea", "KOR"),
    )


def tables(span: int) -> tuple[Table, Table]:
    """Tables 3-22 (2017) and LBR-4 (2021), read for the ``span``-year stay rate.

    The rate of year Y is that of the graduates of the three years centred on Y - span.
    """
    column = f"field_{span}_year_stay_rate_"

    def cohort(year: int) -> str:
        middle = year - span
        return f"{middle - 1}-{(middle + 1) % 100:02d} graduates in the United States in {year}"

    return (
        Table(
            "1608_data.csv",
            "nsb2020_3_22",
            "SEI 2020 Table 3-22",
            rows("Total -> ", "r002", "r004"),
            (Column(column, 2017, locator=cohort(2017)),),
        ),
        Table(
            "10996_data.csv",
            "nsb2024_lbr4",
            "SEI 2024 Table LBR-4",
            rows("Total -> Citizenship -> ", "r009", "r011"),
            (Column(column, 2021, ROUNDED, cohort(2021)),),
        ),
    )
