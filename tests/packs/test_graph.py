"""`warm-intro pack graph`: ties, reachability and who hires, as text and as an SVG."""

import json
import shutil
import xml.etree.ElementTree as ET

from game.cli import main
from game.packs.graph import campaign_graph, graph_lines, graph_svg
from game.packs.loader import core_pack_path, load_core, load_pack

EXAMPLE = core_pack_path().parent / "example-kitchens"


def run(capsys, *argv):
    code = main(["pack", "graph", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_example_campaign_is_reached_from_its_three_starting_contacts():
    g = campaign_graph(load_pack(EXAMPLE), "heat-of-the-kitchen")
    assert [n.id for n in g.nodes.values() if n.how == "start"] == ["marco-bellini", "rita-mensah", "agnes-white"]
    assert g.nodes["hana-sato"].how == "through marco-bellini" and g.nodes["hana-sato"].depth == 1
    assert g.nodes["pip-adams"].how == "event staff-meal"
    assert g.nodes["marco-bellini"].volunteers == "hana-sato" and g.nodes["hana-sato"].roles == [
        "kitchen-supervisor-greenline"]
    assert dict(g.nodes["marco-bellini"].ties)["hana-sato"] == 0.7
    assert all(r.why_not is None for r in g.roles)


def test_someone_nobody_is_tied_to_is_out_of_reach_and_so_is_their_role(tmp_path):
    pack = tmp_path / "kitchens"
    shutil.copytree(EXAMPLE, pack)
    people = pack / "people.toml"
    # Marco no longer knows Hana, and Pip (her only other tie) is not in the campaign any more
    people.write_text(people.read_text(encoding="utf-8").replace("ties = { hana-sato = 0.7, luis-ortega = 0.6 }",
                                                                 "ties = { luis-ortega = 0.6 }")
                      .replace("volunteers_intro_to = \"hana-sato\"\n", "")
                      .replace("volunteers_intro_to = \"pip-adams\"\n", "")
                      .replace("ties = { pip-adams = 0.7 }", "ties = { luis-ortega = 0.1 }")
                      .replace('ties = { pip-adams = 0.6, marco', 'ties = { marco'), encoding="utf-8")
    campaigns = pack / "campaigns.toml"
    campaigns.write_text(campaigns.read_text(encoding="utf-8").replace('    "pip-adams",\n', ""), encoding="utf-8")
    events = pack / "events.toml"
    events.unlink()
    scenarios = pack / "scenarios.toml"
    scenarios.unlink()
    g = campaign_graph(load_pack(pack), "heat-of-the-kitchen")
    assert g.nodes["hana-sato"].how == "through luis-ortega"  # the weak tie still reaches her
    luis_tie = pack / "people.toml"
    luis_tie.write_text(luis_tie.read_text(encoding="utf-8").replace("ties = { luis-ortega = 0.1 }", ""),
                        encoding="utf-8")
    g = campaign_graph(load_pack(pack), "heat-of-the-kitchen")
    assert not g.nodes["hana-sato"].reachable
    [role] = [r for r in g.roles if r.id == "kitchen-supervisor-greenline"]
    assert role.why_not == "its hiring contact hana-sato is out of reach"
    text = " ".join(" ".join(graph_lines(g)).split())
    assert "hana-sato (hiring_manager, greenline-catering) - OUT OF REACH" in text
    assert "unreachable from the start: hana-sato" in text


def test_text_fits_80_columns_on_every_core_campaign():
    world = load_core()
    for cid in world.campaigns:
        lines = graph_lines(campaign_graph(world, cid))
        assert all(len(line) <= 80 for line in lines), cid


def test_svg_is_well_formed_and_names_everyone(tmp_path, capsys):
    out = tmp_path / "net.svg"
    code, text, _ = run(capsys, str(EXAMPLE), "--svg", str(out))
    assert code == 0 and f"wrote {out}" in text
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    words = " ".join(root.itertext())
    assert all(name in words for name in ("Marco Bellini", "Hana Sato", "Élise Fournier"))
    assert "0.70!" in words  # Marco's tie to Hana, which he volunteers


def test_svg_escapes_what_an_author_writes(tmp_path):
    g = campaign_graph(load_pack(EXAMPLE), "heat-of-the-kitchen")
    g.campaign = type(g.campaign)(id="x", title="Salt & <Ember>")
    ET.fromstring(graph_svg(g))  # parses: no raw & or < from a title


def test_cli_core_campaign_json_and_usage_errors(capsys):
    code, out, _ = run(capsys, "core", "--campaign", "second-act", "--json")
    data = json.loads(out)
    assert code == 0 and [c["campaign"] for c in data["campaigns"]] == ["second-act"]
    assert data["campaigns"][0]["unreachable"] == []
    code, _, err = run(capsys, "core", "--campaign", "second-ac")
    assert code == 2 and "did you mean 'second-act'" in err
    code, _, err = run(capsys, "core", "--svg", "x.svg")
    assert code == 2 and "--campaign" in err
