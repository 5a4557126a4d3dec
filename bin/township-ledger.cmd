@echo off
rem Starts Township Ledger on Windows: without a command the window, with one the command line.
rem Same as "java -jar target\township-ledger.jar ...", but quicker to start: see bin/township-ledger (the first
rem run makes a class-data archive beside the jar, about half a minute once; commands use the quick compiler only).
rem Environment: JAVA_HOME, TOWNSHIP_LEDGER_JAR, TOWNSHIP_LEDGER_JAVA_OPTS, TOWNSHIP_LEDGER_NO_CDS=1.
setlocal EnableExtensions
rem Chinese messages in UTF-8; the console's own code page comes back at the end.
for /f "tokens=2 delims=:." %%C in ('chcp') do set "OLDCP=%%C"
chcp 65001 > nul

set "JAR=%TOWNSHIP_LEDGER_JAR%"
if not defined JAR if exist "%~dp0..\target\township-ledger.jar" set "JAR=%~dp0..\target\township-ledger.jar"
if not defined JAR if exist "%~dp0..\lib\township-ledger.jar" set "JAR=%~dp0..\lib\township-ledger.jar"
if not defined JAR if exist "%~dp0township-ledger.jar" set "JAR=%~dp0township-ledger.jar"
if not defined JAR (
    echo 找不到 township-ledger.jar：请先运行 mvn -B package -DskipTests（或设置 TOWNSHIP_LEDGER_JAR）。 1>&2
    exit /b 2
)
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"

rem The command: the first word that is not an option or the value of --data-dir / --lang. Without one, and
rem without options other than those two, the window opens.
set "COMMAND="
set "WINDOW=yes"
set "SKIP="
for %%A in (%*) do call :word "%%~A"
goto :chosen
:word
if defined COMMAND exit /b 0
if defined SKIP (set "SKIP=" & exit /b 0)
if "%~1"=="--data-dir" (set "SKIP=1" & exit /b 0)
if "%~1"=="--lang" (set "SKIP=1" & exit /b 0)
set "FIRST=%~1"
if "%FIRST:~0,11%"=="--data-dir=" exit /b 0
if "%FIRST:~0,7%"=="--lang=" exit /b 0
set "WINDOW="
if "%FIRST:~0,1%"=="-" exit /b 0
set "COMMAND=%~1"
exit /b 0
:chosen

set "QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off"
for %%J in ("%JAR%") do set "ARCHIVE=%%~dpnJ.jsa" & set "STAMP=%%~tJ %%~zJ %JAVA_HOME%"
set "CDS="
if "%TOWNSHIP_LEDGER_NO_CDS%"=="1" goto :jit
if "%COMMAND%"=="warm-up" goto :jit
if defined WINDOW goto :jit
rem The archive is made again when the jar or the Java it was made for changes (its stamp file says which).
set "OLD="
if exist "%ARCHIVE%.stamp" set /p OLD=<"%ARCHIVE%.stamp"
if exist "%ARCHIVE%" if "%OLD%"=="%STAMP%" goto :use
"%JAVA%" -XX:ArchiveClassesAtExit="%ARCHIVE%.new" %QUIET% -jar "%JAR%" warm-up > nul
if not exist "%ARCHIVE%.new" goto :use
move /y "%ARCHIVE%.new" "%ARCHIVE%" > nul
> "%ARCHIVE%.stamp" echo %STAMP%
:use
if exist "%ARCHIVE%" set "CDS=-XX:SharedArchiveFile=%ARCHIVE% %QUIET%"

:jit
rem Commands: the throughput collector; C1 only, except the long runs (demo, imports) and the window.
set "JIT=-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
set "GC=-XX:+UseParallelGC"
if defined WINDOW set "JIT="
if defined WINDOW set "GC="
if "%COMMAND%"=="demo" set "JIT="
if "%COMMAND%"=="crash-test" set "JIT="
for %%A in (%*) do if "%%~A"=="import" set "JIT="

"%JAVA%" %CDS% %JIT% %GC% -XX:-UsePerfData %TOWNSHIP_LEDGER_JAVA_OPTS% -jar "%JAR%" %*
set "CODE=%ERRORLEVEL%"
if defined OLDCP chcp %OLDCP% > nul
exit /b %CODE%
