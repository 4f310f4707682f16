@echo off
rem Installs the selfeval WPS add-in for the current user. Quit WPS completely first.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install.ps1"
pause
