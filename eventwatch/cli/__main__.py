from eventwatch.cli import app

app()
