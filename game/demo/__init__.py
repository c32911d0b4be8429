"""Instructor mode: timelines, comparisons, replay codes, debriefs and exports."""
