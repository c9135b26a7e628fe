"""Labelled strings transcribed from the test fixtures of two well-known scanners, with their
sources. Each entry: (text, label, source). `label` is a detector name of ours, or "none" for a
near-miss the source says must NOT be detected.

- Microsoft Presidio (MIT), presidio-analyzer/tests: test_credit_card_recognizer.py,
  test_email_recognizer.py, test_iban_recognizer.py, test_ip_recognizer.py,
  test_us_ssn_recognizer.py, test_phone_recognizer.py (github.com/microsoft/presidio)
- Yelp detect-secrets (Apache-2.0), tests/plugins: aws_key_test.py, github_token_test.py,
  gitlab_token_test.py, jwt_test.py, openai_test.py, private_key_test.py, slack_test.py,
  stripe_key_test.py (github.com/Yelp/detect-secrets)
"""

P = "presidio:"
D = "detect-secrets:"

FIXTURES = [
    # --- Presidio credit cards
    *[(n, "credit_card", P + "test_credit_card_recognizer.py") for n in [
        "4012888888881881", "4012-8888-8888-1881", "4012 8888 8888 1881", "371449635398431",
        "5555555555554444", "5019717010103742", "30569309025904", "6011000400000000", "3528000700000000",
        "6759649826438453", "4111111111111111", "4917300800000000", "4484070000000000", "122000000000003",
        "my credit card: 122000000000003"]],
    *[(n, "none", P + "test_credit_card_recognizer.py") for n in [
        "4012-8888-8888-1882", "my credit card number is 4012-8888-8888-1882", "36168002586008",
        "my credit card number is 36168002586008"]],
    # --- Presidio e-mail
    *[(t, "email", P + "test_email_recognizer.py") for t in [
        "info@presidio.site", "my email is info@presidio.site",
        "try one of this emails: info@presidio.site or anotherinfo@presidio.site"]],
    ("the email is my email is info@presidio.", "none", P + "test_email_recognizer.py"),
    # --- Presidio IBAN (valid, spaced and compact; invalid variants)
    *[(t, "iban", P + "test_iban_recognizer.py") for t in [
        "AL47212110090000000235698741", "AL47 2121 1009 0000 0002 3569 8741", "AD1200012030200359100100",
        "AD12 0001 2030 2003 5910 0100", "AT611904300234573201", "AT61 1904 3002 3457 3201",
        "AZ21NABZ00000000137010001944", "AZ21 NABZ 0000 0000 1370 1000 1944", "BH67BMAG00001299123456",
        "BH67 BMAG 0000 1299 1234 56", "BY13NBRB3600900000002Z00AB00", "BE68539007547034",
        "BE71 0961 2345 6769", "BA391290079401028494", "BR9700360305000010009795493P1",
        "BG80BNBG96611020345678", "CR05015202001026284066", "HR1210010051863000160",
        "CY17002001280000001200527600", "CZ6508000000192000145399", "DK5000400440116243",
        "DO28BAGR00000001212453611324", "TL380080012345678910157", "EE382200221020145685",
        "FO6264600001631634", "FI2112345600000785", "FR1420041010050500013M02606",
        "FR14 2004 1010 0505 0001 3M02 606", "GE29NB0000000101904917", "DE89370400440532013000",
        "DE89 3704 0044 0532 0130 00", "GI75NWBK000000007099453", "GR1601101250000000012300695",
        "GL8964710001000206", "GT82TRAJ01020000001210029690", "HU42117730161111101800000000",
        "IS140159260076545510730339", "IE29AIBK93115212345678", "IL620108000000099999999",
        "IT60X0542811101000000123456", "JO94CBJO0010000000000131000302", "KZ86125KZT5004100100",
        "XK051212012345678906", "KW81CBKU0000000000001234560101", "LV80BANK0000435195001",
        "LB62099900000001001901229114", "LI21088100002324013AA", "LT121000011101001000",
        "LU280019400644750000", "MT84MALT011000012345MTLCAST001S", "MR1300020001010000123456753",
        "MU17BOMM0101101030300200000MUR", "MD24AG000225100013104168", "MC5811222000010123456789030",
        "ME25505000012345678951", "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "MK07250120000058984",
        "NO9386011117947", "PK36SCBL0000001123456702", "PS92PALS000000000400123456702",
        "PL61109010140000071219812874", "PT50000201231234567890154", "QA58DOHB00001234567890ABCDEFG",
        "RO49AAAA1B31007593840000", "SM86U0322509800000000270100", "SA0380000000608010167519",
        "RS35260005601001611379", "SK3112000000198742637541", "SI56263300012039086",
        "ES9121000418450200051332", "SE4550000000058398257466", "CH9300762011623852957",
        "TN5910006035183598478831", "TR330006100519786457841326", "AE070331234567890123456",
        "GB29NWBK60161331926819", "GB29 NWBK 6016 1331 9268 19"]],
    *[(t, "none", P + "test_iban_recognizer.py") for t in [
        "AL47 212A 1009 0000 0002 3569 8741", "AL47 2121 1009 0000 0002 3569 8740", "AD12000A2030200359100100",
        "AD12 0001 2030 2003 5910 0101", "AT61 1904 A002 3457 3201", "AT61 1904 3002 3457 3202",
        "AZ21NABZ00000000137010001945", "BH67BMAG00001299123457", "BE71 0961 2345 6760",
        "BA39 1290 0794 0102 8495", "BG80 BNBG 9661 1020 3456 79", "CR05 0152 0200 1026 2840 67",
        "CY17 0020 0128 0000 0012 0052 7601", "CZ65 0800 0000 1920 0014 5390", "DK50 0040 0440 1162 44",
        "FI21 1234 5600 0007 86", "DE89 3704 0044 0532 0130 01", "GB29 1WBK 6016 1331 9268 19",
        "GB29 NWBK 6016 1331 9268 10", "NL91 ABNA 0417 1643 01", "ES91 2100 0418 4502 0005 1333",
        "CH93 0076 2011 6238 5295 8", "SE45 5000 0000 0583 9825 7467", "IT60 X054 2811 1010 0000 0123 457"]],
    # --- Presidio IP addresses
    *[(t, "ip_address", P + "test_ip_recognizer.py") for t in [
        "microsoft.com 192.168.0.1", "microsoft.com 684D:1111:222:3333:4444:5555:6:77",
        "my ip: 684D:1111:222:3333:4444:5555:6:77", "2345:0425:2CA1:0000:0000:0567:5673:23b5",
        "2345:0425:2CA1::0567:5673:23b5", "2400:c401::5054:ff:fe1b:b031", "my ip: ::1", "connecting from ::1",
        "fe80::1", "2001:db8::8a2e:370:7334", "2001:db8:85a3::8a2e:370", "2001:db8::1",
        "Server IP: 2001:db8::1", "Connect to [2001:db8::1]:8080", "Gateway: fe80::1 on interface",
        "Visit http://[2001:db8::1]/path", "::ffff:192.0.2.1", "::ffff:10.0.0.1", "2001:db8::192.168.1.1",
        "64:ff9b::192.0.2.1", "0:0:0:0:0:FFFF:129.144.52.38", "NAT64: 64:ff9b::198.51.100.1",
        "IPv4: 192.168.1.1, IPv6: 2001:db8::1", "Primary: 10.0.0.1, Secondary: 172.16.0.1", "(192.168.1.1)",
        "IP: 192.168.1.1.", "192.168.1.1,", "[2001:db8::1]", "localhost 127.0.0.1", "Broadcast 255.255.255.255",
        "Private 10.0.0.0", "Link-local 169.254.1.1", "Subnet 172.16.0.0", "Default 0.0.0.0", "Loopback ::1",
        "Multicast ff02::1", "192.168.1.0/24", "10.0.0.0/8", "2001:db8::/32", "Subnet: 192.168.1.0/24"]],
    *[(t, "none", P + "test_ip_recognizer.py") for t in [
        "my ip: 192.168.0", "684D:1111:222:3333:4444:5555:77", "MAC address aa:bb:cc:dd:ee:ff", "Time 12:34:56",
        "Ratio 1:2:3:4", "CSS color #ff00aa", "Version 1.2.3", "Port 80:443", "abc:def:ghi", "123:abc",
        "file:///path/to/file", "std::cout", "MyClass::toString", ":::", "IP192.168.1.1text", "text192.168.1.1",
        "fe80::1text", "text2001:db8::1", "256.256.256.256", "192.168.1.256", "gggg:hhhh::1234", "192.168.1",
        "300.168.1.1", "12345:db8::1", "2001::db8::1", "::ffff:256.0.0.1", "::ffff:192.168.1", "2001:db8::256.1.1.1"]],
    # --- Presidio US SSN (dashed, dotted, spaced; the unseparated form is a weak match there)
    *[(t, "us_ssn", P + "test_us_ssn_recognizer.py") for t in ["078-05-1123", "078.05.1123", "078 05 1123"]],
    *[(t, "none", P + "test_us_ssn_recognizer.py") for t in [
        "0780511201", "078051120", "000000000", "666000000", "078-05-0000", "078 00 1123", "693-09.4444"]],
    # --- Presidio phone numbers
    ("My US number is (415) 555-0132, and my international one is +1 415 555 0132", "phone", P + "test_phone_recognizer.py"),
    # --- detect-secrets
    ("AKIAZZZZZZZZZZZZZZZZ", "aws_access_key", D + "aws_key_test.py"),
    ("akiazzzzzzzzzzzzzzzz", "none", D + "aws_key_test.py"),
    ("AKIAZZZ", "none", D + "aws_key_test.py"),
    ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_key", D + "aws_key_test.py"),
    ('secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', "aws_secret_key", D + "aws_key_test.py"),
    ("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", "github_token", D + "github_token_test.py"),
    ("foo_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx", "none", D + "github_token_test.py"),
    ("glpat-hellOworld380_testin", "gitlab_token", D + "gitlab_token_test.py"),
    ("glpat-hellOWorld380 testin", "none", D + "gitlab_token_test.py"),
    ("glpat_hellOworld380_testin", "none", D + "gitlab_token_test.py"),
    ("foo_hello-world80_testin", "none", D + "gitlab_token_test.py"),
    *[(t, "jwt", D + "jwt_test.py") for t in [
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "eyJ0eXAiOiJKV1QiLA0KImFsZyI6IkhTMjU2In0.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ",
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJuYW1lIjoiSm9lIiwKInN0YXR1cyI6ImVtcGxveWVlIgp9",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IsWww6HFkcOtIMOWxZHDqcOoIiwiaWF0IjoxNTE2MjM5MDIyfQ.k5HibI_uLn_RTuPcaCNkaVaQH2y5q6GvJg8GPpGMRwQ"]],
    *[(t, "none", D + "jwt_test.py") for t in [
        '{"alg":"HS256","typ":"JWT"}.{"name":"Jon Doe"}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
        "bm90X3ZhbGlkX2pzb25fYXRfYWxs.bm90X3ZhbGlkX2pzb25fYXRfYWxs.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "jwt", "eyJAAAA.eyJBBB", "eyJBB.eyJCC.eyJDDDD"]],
    ("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", "openai_key", D + "openai_test.py"),
    ("sk-proj-Xi8tdMjHV6pmbBbwilTeT3BlbkFJ3UDnpdEwNNm6wVBpYM0o", "openai_key", D + "openai_test.py"),
    ("-----BEGIN RSA PRIVATE KEY-----\nc3VwZXIgZHVwZXIgc2VjcmV0IHBhc3N3b3JkLCBzdXBlciBkdXBlciBzZ\nWNyZXQgcGFzc3dvcmQhMTIzNCMkJQ==\n-----END RSA PRIVATE KEY-----", "private_key", D + "private_key_test.py"),
    ("some text here\n-----BEGIN PRIVATE KEY-----\nc3VwZXIgZHVwZXIgc2VjcmV0IHBhc3N3b3JkLCBzdXBlciBkdXBlciBzZWNyZXQgcGFzc3\n-----END PRIVATE KEY-----", "private_key", D + "private_key_test.py"),
    *[(t, "slack_token", D + "slack_test.py") for t in [
        "xoxp-523423-234243-234233-e039d02840a0b9379c", "xoxs-523423-234243-234233-e039d02840a0b9379c",
        "xoxa-511111111-31111111111-3111111111111-e039d02840a0b9379c", "xoxr-523423-234243-234233-e039d02840a0b9379c",
        "xoxb-34532454-e039d02840a0b9379c", "https://hooks.slack.com/services/Txxxxxxxx/Bxxxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxx"]],
    ("sk_live_ReTllpYQYfIZu2Jnf2lAPFjD", "stripe_key", D + "stripe_key_test.py"),
    ("rk_live_5TcWfjKmJgpql9hjpRnwRXbT", "stripe_key", D + "stripe_key_test.py"),
    ("pk_live_j5krY8XTgIcDaHDb3YrsAfCl", "none", D + "stripe_key_test.py"),
    ("sk_live_", "none", D + "stripe_key_test.py"),
]
