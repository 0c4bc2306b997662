"""Electronic student cards (电子学生证): grade-1 batches in photo acceptance order."""
