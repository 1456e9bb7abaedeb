"""Social evaluation 社会评议: survey rounds and anonymous responses (Art. 30(5))."""
