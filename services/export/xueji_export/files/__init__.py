"""Traceable export files: approved fields and scope only, named and watermarked for the export."""
