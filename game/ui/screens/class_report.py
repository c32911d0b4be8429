"""The class report in the app: a file of students' replay codes, replayed, side by side.

The instructor types the codes file's path; every code is replayed and the class appears as
a table of students, with tabs for the doors that shut (and the rule behind each), the
lessons met, the most common turning points and the codes that could not be used. Picking
two students (Enter on each row) sets their timelines side by side. Everything shown is
`game.demo.classroom`'s report, the same blocks the command line and the exports print.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.widgets import DataTable, Footer, Header, Input, Label, Static, TabbedContent, TabPane

from game.demo import classroom
from game.ui.screens.base import GameScreen

PICKED = "▶"  # the mark of a student picked for comparison (a symbol, never colour alone)


def text_of(bs: list, width: int) -> str:
    """Report blocks as markup for a Static: headings bold, the rest as the command line prints it."""
    out = []
    for b in bs:
        if b.kind in ("h1", "h2", "h3"):
            out += ["", f"[b]{escape(b.text)}[/b]"]
        else:
            out += [escape(line) for line in classroom.to_text([b], width)]
    return "\n".join(out).strip("\n")


TABS = (("students", "Students"), ("doors", "Doors"), ("lessons", "Lessons"), ("points", "Turning points"),
        ("compare", "Compare"), ("bad", "Bad codes"))

# the results table at 80 columns: the numbers first, the job's title last (it may run off)
SCREEN_HEAD = ("ended", "fit", "weeks", "score", "shut", "adv.", "lessons", "job")


def screen_row(s: classroom.Student, one_campaign: bool) -> tuple[str, ...]:
    """A student's row on screen: the same facts as the exports' table, shorter."""
    if s.hired and s.state.job:
        ended, job = "hired", s.world.opportunities[s.state.job].title
    else:
        ended, job = ("ran out" if s.state.outcome else f"week {s.state.week}"), ""
    if s.demo is not None:
        played = " ".join(part for part in (s.demo.id, "-".join(v for _, v in sorted(s.replay.choices.items()))) if part)
    else:
        played = str(s.state.seed) if one_campaign else f"{s.state.campaign} {s.state.seed}"
    row = classroom.student_row(s, one_campaign)
    if s.demo is not None and not s.state.outcome:
        ended = "demo ends"
    return (row[0], s.name[:14], played, ended, *row[4:], job)


class ClassReportScreen(GameScreen[None]):
    CSS_PATH = "../styles/class_report.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="class.back"),
        Binding("o", "open", "Open file", id="class.open"),
        Binding("enter", "pick", "Compare two", id="class.pick"),
        Binding("e", "export", "Export", id="class.export"),
        *(Binding(str(n), f"tab('{pane}')", "Tabs 1-6" if n == 1 else title, show=n == 1, id=f"class.tab_{pane}")
          for n, (pane, title) in enumerate(TABS, 1)),
    ]

    def __init__(self, path: str = "", packs: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.path = path
        self.packs = packs
        self.report: classroom.ClassReport | None = None
        self.picked: list[int] = []  # student numbers, in the order picked

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="class-file"):
            yield Label("Codes file:", id="class-file-label")
            yield Input(self.path, placeholder="codes.txt: one replay code a line, 'Name: CODE' or bare",
                        id="class-path")
        yield Static("Type the path of a file of replay codes and press Enter.", id="class-summary")
        with TabbedContent(id="class-tabs"):
            with TabPane("Students", id="tab-students"):
                yield DataTable(id="class-table", cursor_type="row", zebra_stripes=True)
            for pane, title in TABS[1:]:
                with TabPane(title, id=f"tab-{pane}"), VerticalScroll(id=f"scroll-{pane}"):
                    yield Static("", id=f"class-{pane}")
        yield Footer()

    def on_mount(self) -> None:
        self.screen.sub_title = "Class report"
        if self.path:
            self.load(self.path)
        else:
            self.query_one("#class-path", Input).focus()

    @on(Input.Submitted, "#class-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.load(event.value)

    def load(self, path: str) -> None:
        """Replay every code of the file at `path` and show the class."""
        summary = self.query_one("#class-summary", Static)
        path = path.strip()
        if not path:
            summary.update("Type the path of a file of replay codes and press Enter.")
            return
        file = Path(path).expanduser()
        try:
            text = classroom.read_codes_file(file)
            worlds, demos = classroom.class_worlds(self.packs)
        except (ValueError, OSError) as exc:
            summary.update(f"[b]Can't read it:[/b] {escape(str(exc))}")
            return
        except Exception as exc:  # a pack that does not load: said, not raised into the screen
            summary.update(f"[b]The pack could not be loaded:[/b] {escape(str(exc))}")
            return
        entries = classroom.read_codes(text)
        if not entries:
            summary.update(f"{escape(file.name)} holds no codes: one a line, optionally 'Name: CODE'.")
            return
        self.path = path
        self.report = classroom.report(entries, worlds, demos, file.name)
        self.picked = []
        self.show()
        self.query_one("#class-table", DataTable).focus()

    def show(self) -> None:
        r = self.report
        assert r is not None
        width = max(40, self.size.width - 6)
        said = classroom.summary(r).replace("(listed at the end)", "(see Bad codes)")
        self.query_one("#class-summary", Static).update(escape(said))
        table = self.query_one("#class-table", DataTable)
        table.clear(columns=True)
        one = classroom.seeds_only(r)
        table.add_column(" ", key="picked", width=1)
        for name in ("#", "student", "seed" if one else "played", *SCREEN_HEAD):
            table.add_column(name, key=name)
        for s in r.students:
            table.add_row(" ", *screen_row(s, one), key=str(s.n))
        bs = classroom.blocks(r)
        sections = _sections(bs)
        self.query_one("#class-doors", Static).update(text_of(sections.get("Doors that shut", []), width))
        self.query_one("#class-lessons", Static).update(text_of(sections.get("Lessons met", []), width))
        self.query_one("#class-points", Static).update(
            text_of(sections.get("The most common turning points", []), width))
        self.query_one("#class-bad", Static).update(text_of(sections.get("Codes that could not be used", []), width))
        tabs = self.query_one("#class-tabs", TabbedContent)
        tabs.get_tab("tab-bad").label = f"Bad codes ({len(r.unusable)})"  # type: ignore[assignment]
        self._show_pair()

    def _show_pair(self) -> None:
        compare = self.query_one("#class-compare", Static)
        r = self.report
        if r is None or len(self.picked) < 2:
            chosen = ", ".join(f"#{n}" for n in self.picked)
            compare.update("Pick two students on the Students tab (Enter on each row) to set their games side by "
                           "side." + (f" Picked: {chosen}." if chosen else ""))
            return
        a, b = (r.find(str(n)) for n in self.picked)
        assert isinstance(a, classroom.Student) and isinstance(b, classroom.Student)
        pair = classroom.compare_students(a, b)
        compare.update(text_of(classroom.pair_blocks(pair), max(40, self.size.width - 6)))

    @on(DataTable.RowSelected, "#class-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.pick(int(str(event.row_key.value)))

    def pick(self, n: int) -> None:
        """Pick a student for the comparison (or unpick them); with two picked, show the comparison."""
        table = self.query_one("#class-table", DataTable)
        if n in self.picked:
            self.picked.remove(n)
        else:
            self.picked.append(n)
            if len(self.picked) > 2:
                dropped = self.picked.pop(0)
                table.update_cell(str(dropped), "picked", " ")
        table.update_cell(str(n), "picked", PICKED if n in self.picked else " ")
        self._show_pair()
        if len(self.picked) == 2:
            self.query_one("#class-tabs", TabbedContent).active = "tab-compare"
            self.notify(f"Comparing #{self.picked[0]} and #{self.picked[1]}. Press 1 to pick others.")

    def action_pick(self) -> None:
        table = self.query_one("#class-table", DataTable)
        if self.report is not None and self.report.students and table.has_focus:
            table.action_select_cursor()

    def action_tab(self, pane: str) -> None:
        if isinstance(self.focused, Input):
            return  # a digit typed into the file's path
        self.query_one("#class-tabs", TabbedContent).active = f"tab-{pane}"
        if pane == "students":
            self.query_one("#class-table", DataTable).focus()
        else:
            self.query_one(f"#scroll-{pane}", VerticalScroll).focus()

    def action_open(self) -> None:
        self.query_one("#class-path", Input).focus()

    def action_export(self) -> None:
        from game.saves.paths import saves_dir

        if self.report is None:
            self.notify("Open a codes file first.", severity="warning")
            return
        pairs = []
        if len(self.picked) == 2:
            a, b = (self.report.find(str(n)) for n in self.picked)
            assert isinstance(a, classroom.Student) and isinstance(b, classroom.Student)
            pairs.append(classroom.compare_students(a, b))
        try:
            out = classroom.export(self.report, saves_dir() / "exports", pairs)
        except OSError as exc:
            self.notify(f"The report could not be written: {exc.strerror or exc}", severity="error")
            return
        self.notify(f"Written to {out.folder}: {out.markdown.name} and {out.html.name}", timeout=8)

    def action_back(self) -> None:
        if isinstance(self.focused, Input) and self.report is not None:
            self.query_one("#class-table", DataTable).focus()
            return
        self.dismiss()


def _sections(bs: list) -> dict[str, list]:
    """The report's blocks by their section (h2) heading, each section without its heading."""
    out: dict[str, list] = {}
    current: list | None = None
    for b in bs:
        if b.kind == "h2":
            current = out.setdefault(b.text, [])
        elif current is not None:
            current.append(b)
    return out
