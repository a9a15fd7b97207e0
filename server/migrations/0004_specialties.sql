-- The managed list of specialties (特长) volunteer teams and suggestions are built on.
INSERT INTO specialties (code, name_zh, name_en, sort) VALUES
  ('medical', '医疗卫生', 'Medical care', 10),
  ('nursing', '护理保健', 'Nursing and health care', 20),
  ('legal', '法律咨询', 'Legal advice', 30),
  ('teaching', '教育辅导', 'Teaching and tutoring', 40),
  ('it', '信息技术', 'IT', 50),
  ('arts', '文艺', 'Arts and performance', 60),
  ('calligraphy', '书画', 'Calligraphy and painting', 70),
  ('sports', '体育健身', 'Sports and fitness', 80),
  ('repair', '家电维修', 'Repairs', 90),
  ('counselling', '心理疏导', 'Counselling', 100),
  ('policy', '政策宣讲', 'Policy explanation', 110),
  ('security', '治安巡逻', 'Security patrol', 120),
  ('elder_care', '为老服务', 'Elder care', 130),
  ('childcare', '儿童托管', 'Childcare', 140),
  ('finance', '财会', 'Finance and accounting', 150),
  ('cooking', '烹饪', 'Cooking', 160),
  ('photography', '摄影', 'Photography', 170),
  ('gardening', '园艺绿化', 'Gardening', 180),
  ('translation', '外语翻译', 'Languages and translation', 190),
  ('driving', '驾驶', 'Driving', 200)
ON CONFLICT (code) DO NOTHING;
