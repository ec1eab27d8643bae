@echo off
rem The egovops command line, run by the Python this installer brought.
"%~dp0python\python.exe" -m egovops %*
