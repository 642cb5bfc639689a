Attribute VB_Name = "XlTools"
' xltools: the buttons of the xltools ribbon tab and of the control workbook.
'
' Source of truth in git; `xltools excel build` copies it into the add-in
' (replacing the ribbon module of xlwings' quickstart_addin_ribbon.xlam).
' Each action runs exactly one Python entry function of xltools.excel.entry
' through xlwings' RunPython; all work happens in Python.
'
' Keep this file ASCII: a VBA module is stored in the project's code page.
' Paths go to Python through PyStr, which the tests mirror in
' xltools/excel/macros.py (py_literal) and round-trip through Python.
Option Explicit

Public Const XLTOOLS_VERSION As String = "0.1.0"

' ---------------------------------------------------------------- ribbon
' onAction callbacks named in customUI.xml: one per button.

Public Sub OnImportOriginal(control As IRibbonControl)
    ImportOriginal
End Sub

Public Sub OnCheck(control As IRibbonControl)
    CheckWorkbook
End Sub

Public Sub OnLetters(control As IRibbonControl)
    MakeLetters
End Sub

Public Sub OnSplit(control As IRibbonControl)
    SplitProgress
End Sub

Public Sub OnRollup(control As IRibbonControl)
    RollupProgress
End Sub

Public Sub OnReport(control As IRibbonControl)
    MakeReport
End Sub

Public Sub OnRemind(control As IRibbonControl)
    MakeReminders
End Sub

Public Sub OnExportOriginal(control As IRibbonControl)
    ExportOriginal
End Sub

Public Sub OnHelp(control As IRibbonControl)
    ShowHelp
End Sub

' --------------------------------------------------------------- actions
' Also the macros of the Form buttons in the control workbook (.xlsm).

Public Sub ImportOriginal()
    Dim path As String
    path = PickFile()
    If path = "" Then Exit Sub
    RunPython "import xltools.excel.entry as e; e.import_original(" & PyStr(path) & ", addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

Public Sub CheckWorkbook()
    RunPython "import xltools.excel.entry as e; e.check(addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

Public Sub MakeLetters()
    RunPython "import xltools.excel.entry as e; e.letters(addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

Public Sub SplitProgress()
    RunPython "import xltools.excel.entry as e; e.split(addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

Public Sub RollupProgress()
    Dim folder As String
    folder = PickFolder()
    If folder = "" Then Exit Sub
    RunPython "import xltools.excel.entry as e; e.rollup(" & PyStr(folder) & ", addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

Public Sub MakeReport()
    RunPython "import xltools.excel.entry as e; e.report(addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

Public Sub MakeReminders()
    Dim deadline As String
    deadline = InputBox(RemindPrompt(), RemindTitle(), Format(Date + 7, "yyyy-mm-dd"))
    If deadline = "" Then Exit Sub
    RunPython "import xltools.excel.entry as e; e.remind(" & PyStr(deadline) & ", addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

Public Sub ExportOriginal()
    Dim path As String
    path = PickSaveAs()
    If path = "" Then Exit Sub
    RunPython "import xltools.excel.entry as e; e.export_original(" & PyStr(path) & ", addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

Public Sub ShowHelp()
    RunPython "import xltools.excel.entry as e; e.show_help(addin=" & PyStr(XLTOOLS_VERSION) & ")"
End Sub

' --------------------------------------------------------------- pickers
' Application.FileDialog types: 2 save as, 3 file picker, 4 folder picker.

Private Function PickFile() As String
    With Application.FileDialog(3)
        .AllowMultiSelect = False
        If .Show = -1 Then PickFile = .SelectedItems(1)
    End With
End Function

Private Function PickFolder() As String
    With Application.FileDialog(4)
        .AllowMultiSelect = False
        If .Show = -1 Then PickFolder = .SelectedItems(1)
    End With
End Function

Private Function PickSaveAs() As String
    ' Show only asks for a name; nothing is saved until Execute, never called.
    With Application.FileDialog(2)
        If .Show = -1 Then PickSaveAs = .SelectedItems(1)
    End With
End Function

' ----------------------------------------------------------------- prompts
' Chinese text kept ASCII with ChrW (labels.XL_REMIND_PROMPT and XL_BTN_REMIND;
' xltools/excel/macros.py vba_text writes these expressions, a test checks them).

Private Function RemindPrompt() As String
    RemindPrompt = ChrW(35831) & ChrW(36755) & ChrW(20837) & ChrW(26032) & ChrW(30340) & ChrW(25253) & ChrW(36865) & ChrW(25130) & ChrW(27490) & ChrW(26085) & ChrW(26399) & ChrW(65288) & ChrW(22914) & " 2019-06-30" & ChrW(65289) & ChrW(65306)
End Function

Private Function RemindTitle() As String
    RemindTitle = ChrW(29983) & ChrW(25104) & ChrW(20652) & ChrW(21150) & ChrW(36890) & ChrW(30693)
End Function

' ---------------------------------------------------------------- quoting
' A Python string literal for s that survives cmd.exe (Windows), the shell
' and AppleScript (macOS) and any code page: letters, digits and
' " _.,:/()+=@~-" pass through; every other character becomes \xHH, \uHHHH
' or (for a surrogate pair) \UHHHHHHHH. So quotes, backslashes, a trailing
' backslash, %, &, ^, $, |, ! and non-ASCII names arrive unchanged.

Public Function PyStr(ByVal s As String) As String
    Const SAFE As String = " _.,:/()+=@~-"
    Dim i As Long, n As Long, c As Long, lo As Long
    Dim ch As String, out As String
    out = "'"
    n = Len(s)
    i = 1
    Do While i <= n
        ch = Mid$(s, i, 1)
        c = AscW(ch) And &HFFFF&
        If (c >= 48 And c <= 57) Or (c >= 65 And c <= 90) Or (c >= 97 And c <= 122) Then
            out = out & ch
        ElseIf c < 128 And InStr(1, SAFE, ch, vbBinaryCompare) > 0 Then
            out = out & ch
        ElseIf c < 256 Then
            out = out & "\x" & Right$("0" & LCase$(Hex$(c)), 2)
        ElseIf c >= &HD800& And c <= &HDBFF& And i < n Then
            lo = AscW(Mid$(s, i + 1, 1)) And &HFFFF&
            If lo >= &HDC00& And lo <= &HDFFF& Then
                out = out & "\U" & Right$("0000000" & LCase$(Hex$(&H10000 + (c - &HD800&) * &H400& + (lo - &HDC00&))), 8)
                i = i + 1
            Else
                out = out & "\u" & Right$("000" & LCase$(Hex$(c)), 4)
            End If
        Else
            out = out & "\u" & Right$("000" & LCase$(Hex$(c)), 4)
        End If
        i = i + 1
    Loop
    PyStr = out & "'"
End Function
