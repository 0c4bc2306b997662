"""Parent access: captcha, 学籍副号 and the pupil's name."""
