"""Records written for the tests in the layouts of ParlParse series whose text we may not copy.

Australian Hansard is CC BY-NC-ND (no adaptations: it never enters the project), and no
reuse licence could be found for the Northern Ireland Assembly's or the Senedd's reports.
These files copy their layouts — elements, attributes, id and address schemes, where
OpenAustralia and ParlParse put lists, divisions, italic notes — around words written
for the tests. The names are of no real person.
"""

from __future__ import annotations

_PARLINFO = (
    "http://parlinfo.aph.gov.au/parlInfo/search/display/display.w3p;adv=yes;orderBy=_fragment_number,"
    "doc_date-rev;page=0;query=Dataset%3A{dataset},{dataset}80%20Date%3A20%2F9%2F2007;rec=0;resCount=Default"
)
SENATE_URL = _PARLINFO.format(dataset="hansards")
REPS_URL = _PARLINFO.format(dataset="hansardr")

#: OpenAustralia, Senate: a <dl> list after "The list read as follows—", leave to incorporate
OA_SENATE_NOTICE = f"""<?xml version="1.0" encoding="UTF-8"?>
<debates>
 <major-heading id="uk.org.publicwhip/lords/2007-09-20.7.1" url="{SENATE_URL}">
NOTICES </major-heading>
 <speech approximate_duration="60" approximate_wordcount="90" id="uk.org.publicwhip/lords/2007-09-20.8.1"
   speakerid="uk.org.publicwhip/lord/100999" speakername="Alex Sample Senator" talktype="speech" time="09:31:00"
   url="{SENATE_URL}">
<p>On behalf of a committee I give notice that I shall move that two instruments be disallowed.</p><p class="italic">The list read as follows—</p><dl><dt>1.</dt><dd>First Example Determination 2007, made under section 5 of the Example Act 2005.</dd><dt>2.</dt><dd>Second Example Regulations 2007, made under the <i>Example Act 2001</i>.</dd></dl><p>I seek leave to incorporate a short summary in <i>Hansard</i>.</p><p>Leave granted.</p><p class="italic">The document read as follows—</p><p class="italic">Each instrument was examined and found wanting.</p><p>Debate adjourned.</p> </speech>
</debates>
"""

#: OpenAustralia, House of Representatives: an empty minor heading; a division with tellers
OA_REPS_DAY = f"""<?xml version="1.0" encoding="UTF-8"?>
<debates>
 <major-heading id="uk.org.publicwhip/debate/2007-09-20.79.1" url="{REPS_URL}">
SAMPLE MOTION </major-heading>
 <minor-heading id="uk.org.publicwhip/debate/2007-09-20.79.2" url="{REPS_URL}">
 </minor-heading>
 <bills>
  <bill id="R9999" url="http://parlinfo.aph.gov.au/parlInfo/search/display/display.w3p;query=Id:legislation/billhome/R9999">EXAMPLE BILL 2007</bill>
 </bills>
 <speech approximate_duration="0" approximate_wordcount="20" id="uk.org.publicwhip/debate/2007-09-20.79.3"
   speakerid="uk.org.publicwhip/member/9001" speakername="Pat Sample Member" talktype="speech" time="14:58:00"
   url="{REPS_URL}">
<p>I move:</p><p pwmotiontext="moved">That the example motion be agreed to.</p><p>Is it accepted?</p> </speech>
 <division divdate="2007-09-20" divnumber="1" id="uk.org.publicwhip/debate/2007-09-20.83.1" nospeaker="true"
   time="15:32:00" url="{REPS_URL}">
  <divisioncount ayes="3" noes="2" tellerayes="1" tellernoes="1"/>
  <memberlist vote="aye">
   <member id="uk.org.publicwhip/member/9001" vote="aye">Pat Sample Member</member>
   <member id="uk.org.publicwhip/member/9002" teller="yes" vote="aye">Lee Example Member</member>
   <member id="uk.org.publicwhip/member/9003" vote="aye">Kim Specimen Member</member>
  </memberlist>
  <memberlist vote="no">
   <member id="uk.org.publicwhip/member/9004" teller="yes" vote="no">Jo Instance Member</member>
   <member id="uk.org.publicwhip/member/9005" vote="no">Sam Case Member</member>
  </memberlist>
 </division>
</debates>
"""

#: Northern Ireland Assembly: the motion's text in italics, a chair note mid-speech, "Question put."
NI_DAY = """<?xml version="1.0" encoding="utf-8"?>
<publicwhip>
<speech id="uk.org.publicwhip/ni/2009-10-12.0.1" nospeaker="true" time="13:00" url="">
<p class="italic">The Assembly met at 1.00 pm (Mr Speaker in the Chair).</p>
</speech>
<major-heading id="uk.org.publicwhip/ni/2009-10-12.3.0" time="13:00" url="">Private Members' Business</major-heading>
<minor-heading id="uk.org.publicwhip/ni/2009-10-12.3.1" time="13:00" url="">Example Motion</minor-heading>
<speech id="uk.org.publicwhip/ni/2009-10-12.3.3" speakerid="uk.org.publicwhip/member/99001" speakername="Morgan Sample" time="13:15" url="">
<p>I beg to move</p>
<p class="italic">That this Assembly notes the example report.</p>
<p>I welcome the opportunity to propose the motion.</p>
<p class="italic">(Mr Deputy Speaker [Mr Example] in the Chair)</p>
<p>The report deserves our attention, and I commend it to the House.</p>
<p class="italic">Question put.</p>
<p class="italic">The Assembly divided: Ayes 35; Noes 41.</p>
</speech>
</publicwhip>
"""

#: The Senedd, English record
SENEDD_DAY = """<?xml version="1.0" encoding="utf-8"?>
<publicwhip>
<major-heading id="uk.org.publicwhip/senedd/en/2021-06-08.1.0" url="https://record.senedd.wales/Plenary/1">Questions to the First Minister</major-heading>
<speech id="uk.org.publicwhip/senedd/en/2021-06-08.1.1" person_id="uk.org.publicwhip/person/99101" speakername="Rhian Example" type="Start Question" url="https://record.senedd.wales/Plenary/1#A1">
<p>What is the Government doing about examples?</p>
</speech>
</publicwhip>
"""

#: The Senedd's Welsh record (ids ``senedd/cy``, addresses on record.senedd.cymru): the chair and
#: a minister printed as "Office (Name)" in Welsh; the same sitting's English record follows
SENEDD_DAY_CY = """<?xml version="1.0" encoding="utf-8"?>
<publicwhip>
<major-heading id="uk.org.publicwhip/senedd/cy/2021-06-08.1.0" nospeaker="true" time="13:30" url="https://record.senedd.cymru/Plenary/1#A1">1. Cwestiynau i'r Prif Weinidog</major-heading>
<speech id="uk.org.publicwhip/senedd/cy/2021-06-08.1.1" person_id="uk.org.publicwhip/person/99100" speakername="Y Llywydd (Gwen Enghraifft)" time="13:30" url="https://record.senedd.cymru/Plenary/1#C1">
<p>Prynhawn da a chroeso i'r cyfarfod llawn. Yr eitem gyntaf ar yr agenda yw'r cwestiynau i'r Prif Weinidog.</p>
</speech>
<speech id="uk.org.publicwhip/senedd/cy/2021-06-08.1.2" person_id="uk.org.publicwhip/person/99101" speakername="Rhian Example" time="13:31" url="https://record.senedd.cymru/Plenary/1#C2">
<p>Diolch, Llywydd. Mae'r rhestrau aros yn y gwasanaeth iechyd yn parhau i fod yn rhy hir i filoedd o gleifion ym mhob rhan o'r wlad. Beth mae'r Llywodraeth yn ei wneud i'w lleihau eleni?</p>
</speech>
<speech id="uk.org.publicwhip/senedd/cy/2021-06-08.1.3" person_id="uk.org.publicwhip/person/99102" speakername="Y Prif Weinidog (Dafydd Sampl)" time="13:33" url="https://record.senedd.cymru/Plenary/1#C3">
<p>Diolch am y cwestiwn. Mae'r rhestrau aros hiraf wedi gostwng am y degfed mis yn olynol, ac mae'r Llywodraeth wedi buddsoddi arian ychwanegol ym mhob bwrdd iechyd i leihau'r amseroedd aros.</p>
</speech>
<speech id="uk.org.publicwhip/senedd/cy/2021-06-08.1.4" person_id="uk.org.publicwhip/person/99103" speakername="Y Dirprwy Lywydd (Huw Esiampl)" time="13:40" url="https://record.senedd.cymru/Plenary/1#C4">
<p>Diolch yn fawr iawn. Symudwn ymlaen yn awr at yr eitem nesaf ar yr agenda y prynhawn yma.</p>
</speech>
</publicwhip>
"""

#: The same sitting's English record (ids ``senedd/en``), speeches as spoken, attributions in English
SENEDD_DAY_EN_OFFICES = (
    SENEDD_DAY_CY.replace("senedd/cy/", "senedd/en/")
    .replace("1. Cwestiynau i'r Prif Weinidog", "1. Questions to the First Minister")
    .replace("Y Llywydd (", "The Llywydd (")
    .replace("Y Prif Weinidog (", "The First Minister (")
    .replace("Y Dirprwy Lywydd (", "The Deputy Presiding Officer (")
)

#: An old standing committee (before Public Bill Committees): its letter in the sitting ids
OLD_STANDING_COMMITTEE = """<?xml version="1.0" encoding="utf-8"?>
<publicwhip><bill url="http://www.publications.parliament.uk/pa/cm199798/cmbills/099/1998099.htm" title="Example Bill">Example Bill</bill>
<major-heading id="uk.org.publicwhip/standing/standing1998-05-12_A_02-0_1998-05-13a.1.0" nospeaker="true" url="http://www.publications.parliament.uk/pa/cm199798/cmstand/a/st980513/am/80513s01.htm">Standing Committee A</major-heading>
<speech id="uk.org.publicwhip/standing/standing1998-05-12_A_02-0_1998-05-13a.1.1" speakerid="uk.org.publicwhip/member/99201" speakername="Chris Sample" time="10:30" url="http://www.publications.parliament.uk/pa/cm199798/cmstand/a/st980513/am/80513s01.htm#1" colnum="345">
<p>I beg to move amendment No. 1.</p>
</speech>
</publicwhip>
"""
